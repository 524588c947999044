package org.timebank.hours;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.timebank.common.ApiException;
import org.timebank.hours.api.HoursViews.CategoryRate;
import org.timebank.hours.api.HoursViews.PutConversionRules;
import org.timebank.hours.api.HoursViews.RuleSetView;
import org.timebank.hours.api.HoursViews.RulesView;
import org.timebank.hours.persistence.ConversionRuleStore;
import org.timebank.region.RegionService;
import org.timebank.region.persistence.Region;

@ApplicationScoped
public class ConversionRuleService {
    @Inject
    ConversionRuleStore store;
    @Inject
    RegionService regions;

    @Transactional(Transactional.TxType.MANDATORY)
    public RuleSetView put(long regionId, PutConversionRules request, String actor) {
        regions.require(regionId);
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
        Instant from = request.effectiveFrom() == null ? Instant.now() : request.effectiveFrom().toInstant();
        return RuleSetView.of(store.append(regionId, from, request.granularityMinutes(), request.rounding(), rates,
                request.hoursCap() == null ? null : request.hoursCap().minutes(),
                request.hoursCap() == null ? null : request.hoursCap().overCap(), actor));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RulesView get(long regionId) {
        Region region = regions.require(regionId);
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
