package org.timebank.hours.domain;

import java.time.Instant;
import java.util.Objects;

/** A volunteer's own check-in with the code shown at the venue, for their time there. */
public record CodeCheckIn(String code, Instant checkIn, Instant checkOut) {
    public CodeCheckIn {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("a check-in needs the code");
        }
        Objects.requireNonNull(checkIn, "checkIn");
        Objects.requireNonNull(checkOut, "checkOut");
    }
}
