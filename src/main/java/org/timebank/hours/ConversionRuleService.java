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
import org.timebank.hours.api.HoursViews.CategoryRate;
import org.timebank.hours.api.HoursViews.PutConversionRules;
import org.timebank.hours.api.HoursViews.RuleSetView;
import org.timebank.hours.api.HoursViews.RulesView;
import org.timebank.hours.domain.ConversionRuleSet;
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
     * Appends a version. One dated before the version current for the region would cut into that
     * version's period and convert its pending claims otherwise than they were submitted under: it
     * needs {@code backdated}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public RuleSetView put(long regionId, PutConversionRules request, String actor) {
        RegionRef region = regions.require(regionId);
        if (60 % request.granularityMinutes() != 0) {
            throw new ApiException(400, "VALIDATION_FAILED",
                    List.of(new ApiException.Item("granularityMinutes", null, "GRANULARITY_INVALID", request.granularityMinutes())),
                    "granularityMinutes");
        }
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (CategoryRate rate : request.rates()) {
            if (!seen.add(rate.category())) {
                throw new ApiException(400, "VALIDATION_FAILED",
                        List.of(new ApiException.Item("rates", null, "CATEGORY_DUPLICATE", rate.category())), "rates");
            }
            rates.put(rate.category(), rate.pointsPerHour());
        }
        Instant now = Instant.now();
        Instant from = request.effectiveFrom() == null ? now : request.effectiveFrom().toInstant();
        store.lockVersions(regionId);
        Optional<Instant> current = currentSince(region, now);
        if (current.isPresent() && from.isBefore(current.get()) && !Boolean.TRUE.equals(request.backdated())) {
            throw ApiException.unprocessable("CONVERSION_RULE_BACKDATED",
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(current.get().atZone(Times.ZONE)));
        }
        return RuleSetView.of(store.append(regionId, from, request.granularityMinutes(), request.rounding(), rates,
                request.hoursCap() == null ? null : request.hoursCap().minutes(),
                request.hoursCap() == null ? null : request.hoursCap().overCap(), actor));
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
    public RulesView get(long regionId) {
        RegionRef region = regions.require(regionId);
        Optional<ConversionRuleStore.Stored> inForce = inForce(region.pathIds(), Instant.now());
        return new RulesView(regionId, inForce.map(RuleSetView::of).orElse(null),
                inForce.map(s -> s.rules().regionId()).orElse(null),
                store.versions(regionId, 20).stream().map(RuleSetView::of).toList());
    }

    /** The rules in force at {@code at} for the region with this path (its own, or the nearest ancestor's). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ConversionRuleStore.Stored> inForce(List<Long> regionPath, Instant at) {
        return store.inForce(regionPath, at);
    }
}
