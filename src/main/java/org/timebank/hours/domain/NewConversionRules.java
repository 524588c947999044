package org.timebank.hours.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A new version of a region's conversion rules, as an administrator sets it: from
 * {@code effectiveFrom} (null: now), or earlier than the current version if {@code backdated}.
 * Whether the granularity divides an hour and each category is rated once is the service's to
 * answer, with the request's field named.
 */
public record NewConversionRules(Instant effectiveFrom, int granularityMinutes, Rounding rounding, List<Rate> rates,
                                 Long hoursCapMinutes, OverCap overCap, boolean backdated) {
    public NewConversionRules {
        Objects.requireNonNull(rounding, "rounding");
        if (rates == null || rates.isEmpty()) {
            throw new IllegalArgumentException("conversion rules rate at least one category");
        }
        if ((hoursCapMinutes == null) != (overCap == null)) {
            throw new IllegalArgumentException("a cap needs its over-cap policy, and only a cap has one");
        }
        rates = List.copyOf(rates);
    }

    /** Points per hour of service in a category. */
    public record Rate(String category, BigDecimal pointsPerHour) {
        public Rate {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(pointsPerHour, "pointsPerHour");
        }
    }
}
