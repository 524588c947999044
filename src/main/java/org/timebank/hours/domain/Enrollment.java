package org.timebank.hours.domain;

import java.time.OffsetDateTime;

/** A volunteer's seat at an activity, taken at {@code enrolledAt}. */
public record Enrollment(long activityId, long volunteerId, OffsetDateTime enrolledAt) {}
