package org.timebank.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "timebank.idempotency")
public interface IdempotencyConfig {
    /** How long an Idempotency-Key and its response are kept. */
    @WithDefault("PT48H")
    Duration retention();
}
