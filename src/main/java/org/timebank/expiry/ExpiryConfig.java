package org.timebank.expiry;

import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The points expiry job ({@link PointsExpiryJob}); the rules themselves are per region.
 * Unremovable: the scheduler reads {@code ${timebank.expiry.every}} by name, and Quarkus registers a
 * mapping, its defaults with it, only where a bean injects it or it is unremovable.
 */
@ConfigMapping(prefix = "timebank.expiry")
@Unremovable
public interface ExpiryConfig {
    /** How often due points are expired (read by the scheduler); {@code off} stops it. */
    @WithDefault("1h")
    String every();

    /** Wallets looked up per query; each is expired in its own transaction. */
    @WithDefault("100")
    int batch();
}
