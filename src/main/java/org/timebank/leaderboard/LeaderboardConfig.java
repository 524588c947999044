package org.timebank.leaderboard;

import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The folding of approvals into the boards ({@link LeaderboardJob}).
 * Unremovable: the scheduler reads {@code ${timebank.leaderboards.fold-every}} by name, and Quarkus
 * registers a mapping, its defaults with it, only where a bean injects it or it is unremovable.
 */
@ConfigMapping(prefix = "timebank.leaderboards")
@Unremovable
public interface LeaderboardConfig {
    /**
     * How often approvals are folded into the boards (read by the scheduler); {@code off} stops it.
     * The scheduler checks its triggers once a second, so a shorter period would not run any sooner,
     * only late and with a warning.
     */
    @WithDefault("1s")
    String foldEvery();
}
