package org.timebank.hours;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The limits on an hour claim (see {@link org.timebank.hours.domain.ClaimRules}). */
@ConfigMapping(prefix = "timebank.hours")
public interface HoursConfig {
    /** The longest one claim may be. */
    @WithDefault("720")
    long maxClaimMinutes();

    /** How long after the service it may still be claimed. */
    @WithDefault("P90D")
    Duration maxClaimAge();

    /** How far in the future a claim's end is tolerated (phone clocks). */
    @WithDefault("PT5M")
    Duration clockSkew();

    /** Claims longer than this need two different reviewers. */
    @WithDefault("480")
    long secondReviewAboveMinutes();
}
