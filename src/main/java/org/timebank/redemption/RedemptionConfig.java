package org.timebank.redemption;

import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Payment codes, holds and refunds of redemptions.
 * Unremovable: the scheduler reads {@code ${timebank.redemption.sweep-every}} by name, and Quarkus
 * registers a mapping, its defaults with it, only where a bean injects it or it is unremovable.
 */
@ConfigMapping(prefix = "timebank.redemption")
@Unremovable
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
