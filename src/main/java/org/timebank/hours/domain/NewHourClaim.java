package org.timebank.hours.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A claim for hours served: the caller's own (no {@code volunteerId}) or recorded on a volunteer's
 * behalf; at an activity, whose community and category it takes, or else in {@code communityId}
 * (default: the volunteer's home community) under {@code category} (default: DEFAULT). Whether the
 * period is one a claim may have is the service's to answer, after who claims for whom and where.
 * A blank description is none.
 */
public record NewHourClaim(Long volunteerId, Long activityId, Long communityId, String category, Instant startsAt,
                           Instant endsAt, String description) {
    public NewHourClaim {
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        description = description == null || description.isBlank() ? null : description.strip();
    }
}
