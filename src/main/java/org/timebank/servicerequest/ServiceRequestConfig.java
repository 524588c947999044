package org.timebank.servicerequest;

import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/**
 * Service requests paid with stored hours. Unremovable: the scheduler reads
 * {@code ${timebank.service-requests.sweep-every}} by name.
 */
@ConfigMapping(prefix = "timebank.service-requests")
@Unremovable
public interface ServiceRequestConfig {
    /**
     * How long after the end of its window an accepted request's hold lasts. Generous on purpose:
     * a request is escalated to staff long before (escalate-after), so a hold never runs out while
     * its flow is still going; if one does all the same, the request ends EXPIRED, never silently.
     */
    @WithDefault("P60D")
    Duration holdAfterWindow();

    /** How long after the end of its window an accepted request not yet confirmed goes to staff. */
    @WithDefault("P3D")
    Duration escalateAfter();

    /** The categories of service where no region on a community's path sets its own. */
    @WithDefault("ELDER_COMPANY,MEAL_DELIVERY,CLEANING,SHOPPING_ERRAND,HOSPITAL_ESCORT")
    List<String> defaultCategories();

    /** How often escalations and expired holds are swept (read by the scheduler); {@code off} stops it. */
    @WithDefault("1m")
    String sweepEvery();
}
