package org.timebank.hours;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "timebank.activities")
public interface ActivityConfig {
    /** How long a venue check-in code is valid. */
    @WithDefault("PT2H")
    Duration checkinCodeTtl();
}
