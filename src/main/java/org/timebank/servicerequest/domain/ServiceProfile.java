package org.timebank.servicerequest.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/** What a volunteer offers: categories of service, and weekly slots when they are usually free (local time). */
public record ServiceProfile(long volunteerId, List<String> skills, List<Slot> availability) {
    public ServiceProfile {
        skills = List.copyOf(skills);
        availability = List.copyOf(availability);
    }

    public record Slot(DayOfWeek weekday, LocalTime startsAt, LocalTime endsAt) {
        public Slot {
            if (!endsAt.isAfter(startsAt)) {
                throw new IllegalArgumentException("a slot ends after it starts");
            }
        }
    }
}
