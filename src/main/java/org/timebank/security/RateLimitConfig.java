package org.timebank.security;

import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * How many failed attempts at a secret code are answered before the service refuses further ones
 * with 429 TOO_MANY_ATTEMPTS. A window opens at the first failure of its key; when it has passed,
 * counting starts again. See {@link AttemptLimiter}.
 *
 * <p>Unremovable: the scheduler reads {@code ${timebank.rate-limits.purge-every}} by name, and Quarkus
 * registers a mapping, its defaults with it, only where a bean injects it or it is unremovable.
 */
@ConfigMapping(prefix = "timebank.rate-limits")
@Unremovable
public interface RateLimitConfig {
    CheckinCode checkinCode();

    PaymentCode paymentCode();

    /** How often counters whose window has ended are deleted (read by the scheduler); {@code off} stops it. */
    @WithDefault("10m")
    String purgeEvery();

    interface CheckinCode {
        /** Wrong or expired check-in codes one volunteer may enter per window, whatever the activity. */
        @WithDefault("10")
        @Min(1)
        int perCaller();

        /** Wrong or expired codes entered for one activity per window, by all volunteers together. */
        @WithDefault("50")
        @Min(1)
        int perActivity();

        @WithDefault("PT15M")
        Duration window();
    }

    interface PaymentCode {
        /** Unknown payment codes one shop operator may enter per window. */
        @WithDefault("10")
        @Min(1)
        int perCaller();

        /** Unknown payment codes entered at one shop per window, by all its operators together. */
        @WithDefault("30")
        @Min(1)
        int perShop();

        @WithDefault("PT15M")
        Duration window();
    }
}
