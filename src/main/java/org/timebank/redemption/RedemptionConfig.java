package org.timebank.redemption;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "timebank.redemption")
public interface RedemptionConfig {
    /** How long a payment code may be used after it was issued. */
    @WithDefault("PT2M")
    Duration paymentCodeTtl();

    /** How long a HOLD redemption reserves the points before they return to the wallet. */
    @WithDefault("PT15M")
    Duration holdTimeout();

    /** How long after its capture a redemption may be refunded. */
    @WithDefault("P30D")
    Duration refundWindow();

    /** How often expired holds are reflected in their redemptions (read by the scheduler); {@code off} stops it. */
    @WithDefault("10s")
    String sweepEvery();
}
