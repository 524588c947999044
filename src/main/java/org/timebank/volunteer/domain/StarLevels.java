package org.timebank.volunteer.domain;

import java.util.List;

/**
 * Star levels (星级志愿者) by cumulative confirmed hours; thresholds in hours, ascending
 * (default 100, 300, 600, 1,000, 1,500).
 */
public record StarLevels(List<Integer> thresholdHours) {
    public StarLevels {
        thresholdHours = List.copyOf(thresholdHours);
        for (int i = 0; i < thresholdHours.size(); i++) {
            if (thresholdHours.get(i) <= 0 || (i > 0 && thresholdHours.get(i) <= thresholdHours.get(i - 1))) {
                throw new IllegalArgumentException("star thresholds must be positive and ascending: " + thresholdHours);
            }
        }
    }

    public record Standing(int stars, Long minutesToNext) {}

    public Standing of(long confirmedMinutes) {
        int stars = 0;
        for (int hours : thresholdHours) {
            if (confirmedMinutes >= hours * 60L) {
                stars++;
            } else {
                return new Standing(stars, hours * 60L - confirmedMinutes);
            }
        }
        return new Standing(stars, null);
    }
}
