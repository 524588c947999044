package org.timebank.notice.domain;

import java.time.Duration;

/**
 * When a failed delivery is tried again: after {@code base}, doubling with every attempt, at most
 * {@code max}; after {@code maxAttempts} attempts it is given up (FAILED).
 */
public record Backoff(Duration base, Duration max, int maxAttempts) {
    public Backoff {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("backoff needs 0 < base <= max and at least one attempt");
        }
    }

    /** Whether another attempt follows the failed attempt number {@code attempts} (1 for the first). */
    public boolean retries(int attempts) {
        return attempts < maxAttempts;
    }

    /** The wait after the failed attempt number {@code attempts}: base, 2 base, 4 base, ... at most max. */
    public Duration delay(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration d = base.multipliedBy(1L << doublings);
        return d.compareTo(max) > 0 ? max : d;
    }
}
