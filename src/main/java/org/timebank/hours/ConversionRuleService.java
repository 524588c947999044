package org.timebank.hours;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.timebank.common.ApiException;
import org.timebank.common.Times;
import org.timebank.hours.domain.ConversionRuleSet;
import org.timebank.hours.domain.NewConversionRules;
import org.timebank.hours.persistence.ConversionRuleStore;
import org.timebank.region.RegionService;
import org.timebank.region.domain.RegionRef;

@ApplicationScoped
public class ConversionRuleService {
    @Inject
    ConversionRuleStore store;
    @Inject
    RegionService regions;

    /**
     * A region's rules: those in force now (its own, or the nearest ancestor's), and its own versions,
     * newest first.
     */
    public record Rules(long regionId, Optional<ConversionRuleStore.Stored> inForce,
                        List<ConversionRuleStore.Stored> versions) {}

    /**
     * Appends a version. One dated before the version current for the region would cut into that
     * version's period and convert its pending claims otherwise than they were submitted under: it
     * needs {@code backdated}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ConversionRuleStore.Stored put(long regionId, NewConversionRules request, String actor) {
        RegionRef region = regions.require(regionId);
        if (60 % request.granularityMinutes() != 0) {
            throw new ApiException(400, "VALIDATION_FAILED",
                    List.of(new ApiException.Item("granularityMinutes", null, "GRANULARITY_INVALID", request.granularityMinutes())),
                    "granularityMinutes");
        }
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (NewConversionRules.Rate rate : request.rates()) {
            if (!seen.add(rate.category())) {
                throw new ApiException(400, "VALIDATION_FAILED",
                        List.of(new ApiException.Item("rates", null, "CATEGORY_DUPLICATE", rate.category())), "rates");
            }
            rates.put(rate.category(), rate.pointsPerHour());
        }
        Instant now = Instant.now();
        Instant from = request.effectiveFrom() == null ? now : request.effectiveFrom();
        store.lockVersions(regionId);
        Optional<Instant> current = currentSince(region, now);
        if (current.isPresent() && from.isBefore(current.get()) && !request.backdated()) {
            throw ApiException.unprocessable("CONVERSION_RULE_BACKDATED",
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(current.get().atZone(Times.ZONE)));
        }
        return store.append(regionId, from, request.granularityMinutes(), request.rounding(), rates,
                request.hoursCapMinutes(), request.overCap(), actor);
    }

    /**
     * Since when the version current for the region is in force: of the one in force now (its own or
     * inherited) and its own latest (which may take effect later), the later.
     */
    private Optional<Instant> currentSince(RegionRef region, Instant now) {
        return Stream.concat(inForce(region.pathIds(), now).stream(), store.latest(region.id()).stream())
                .map(s -> s.rules().effectiveFrom()).max(Comparator.naturalOrder());
    }

    /**
     * Refuses a category that a new claim or activity of the community, starting at {@code at}, may
     * not name: one the rules in force then do not rate (DEFAULT always may).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireKnownCategory(RegionRef community, String category, Instant at) {
        if (ConversionRuleSet.DEFAULT_CATEGORY.equals(category)) {
            return; // known whatever the rules: no need to read them
        }
        if (!ConversionRuleSet.isKnown(category, inForce(community.pathIds(), at).map(ConversionRuleStore.Stored::rules))) {
            throw new ApiException(422, "UNKNOWN_SERVICE_CATEGORY",
                    List.of(new ApiException.Item("category", null, "UNKNOWN_SERVICE_CATEGORY", category)), category);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Rules get(long regionId) {
        RegionRef region = regions.require(regionId);
        return new Rules(regionId, inForce(region.pathIds(), Instant.now()), store.versions(regionId, 20));
    }

    /** A version by its id (versions never change). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ConversionRuleStore.Stored> version(int id) {
        return store.byId(id);
    }

    /** The rules in force at {@code at} for the region with this path (its own, or the nearest ancestor's). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ConversionRuleStore.Stored> inForce(List<Long> regionPath, Instant at) {
        return store.inForce(regionPath, at);
    }
}
