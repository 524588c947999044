package org.timebank.expiry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "timebank.expiry")
public interface ExpiryConfig {
    /** How often due points are expired (read by the scheduler); {@code off} stops it. */
    @WithDefault("1h")
    String every();

    /** Wallets looked up per query; each is expired in its own transaction. */
    @WithDefault("100")
    int batch();
}
