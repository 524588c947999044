package org.timebank.hours.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One version of a region's conversion rules: points per hour by service category, the granularity
 * service time is counted in, the rounding of points, and optionally a cap on stored hours. The
 * categories a claim or an activity may name are those the set gives a rate, and DEFAULT, the
 * general category.
 */
public record ConversionRuleSet(int id, long regionId, int version, Instant effectiveFrom, int granularityMinutes,
                                Rounding rounding, Map<String, BigDecimal> pointsPerHour, Long hoursCapMinutes,
                                OverCap overCap) {
    public static final String DEFAULT_CATEGORY = "DEFAULT";
    private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);

    public ConversionRuleSet {
        if (granularityMinutes < 1 || granularityMinutes > 60 || 60 % granularityMinutes != 0) {
            throw new IllegalArgumentException("granularity must divide an hour: " + granularityMinutes);
        }
        if ((hoursCapMinutes == null) != (overCap == null)) {
            throw new IllegalArgumentException("a cap needs its over-cap policy, and only a cap has one");
        }
        pointsPerHour = Map.copyOf(new TreeMap<>(pointsPerHour));
    }

    /**
     * Whether a new claim or activity may name the category where {@code inForce} is the set in force
     * for its community (empty: none is): a category the set rates, and DEFAULT, the general category,
     * always (where the set has no rate for it, an approval is refused).
     */
    public static boolean isKnown(String category, Optional<ConversionRuleSet> inForce) {
        return DEFAULT_CATEGORY.equals(category) || inForce.map(set -> set.pointsPerHour.containsKey(category)).orElse(false);
    }

    public sealed interface Conversion permits Converted, NoRate {}

    /** Minutes credited (service time counted in whole units of the granularity) and the points they earn. */
    public record Converted(long creditedMinutes, long points, BigDecimal pointsPerHour) implements Conversion {}

    /** Neither the category nor DEFAULT has a rate, and the activity sets none. */
    public record NoRate(String category) implements Conversion {}

    /**
     * Converts served minutes: they are counted down to whole units of the granularity, then
     * points = credited minutes x rate / 60, rounded as the set says. {@code activityRate}, when
     * given, overrides the category's rate. A category the set does not name uses DEFAULT's rate:
     * new claims and activities name only known categories, so this is for one accepted under an
     * earlier version, which is converted rather than stranded when a later version drops its category.
     */
    public Conversion convert(String category, long servedMinutes, BigDecimal activityRate) {
        BigDecimal rate = activityRate != null ? activityRate
                : pointsPerHour.getOrDefault(category, pointsPerHour.get(DEFAULT_CATEGORY));
        if (rate == null) {
            return new NoRate(category);
        }
        long credited = servedMinutes / granularityMinutes * granularityMinutes;
        long points = BigDecimal.valueOf(credited).multiply(rate)
                .divide(MINUTES_PER_HOUR, 0, rounding.mode()).longValueExact();
        return new Converted(credited, points, rate);
    }
}
