package org.timebank.hours.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An activity to publish in a community. That the end follows the start is the service's to answer
 * (after the community and the caller's scope, with the field named); {@code place} is null when blank.
 */
public record NewActivity(long communityId, String title, String category, String place, Instant startsAt,
                          Instant endsAt, int capacity, BigDecimal pointsPerHour, boolean walkInsWelcome) {
    public NewActivity {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("an activity needs a title");
        }
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        if (capacity < 1) {
            throw new IllegalArgumentException("an activity seats at least one volunteer: " + capacity);
        }
        title = title.strip();
        place = place == null || place.isBlank() ? null : place.strip();
    }
}
