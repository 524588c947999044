package org.timebank.volunteer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

@ConfigMapping(prefix = "timebank.star-level")
public interface StarLevelConfig {
    /** Confirmed hours for 1 to 5 stars. */
    @WithDefault("100,300,600,1000,1500")
    List<Integer> thresholdsHours();
}
