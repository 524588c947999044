package org.timebank.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "timebank.transaction")
public interface TransactionConfig {
    /** Tries of a transaction that meets a serialization failure or a deadlock. */
    @WithDefault("5")
    int maxAttempts();
}
