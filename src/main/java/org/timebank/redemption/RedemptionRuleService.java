package org.timebank.redemption;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.timebank.redemption.domain.RedemptionRuleInForce;
import org.timebank.redemption.persistence.RedemptionRuleStore;
import org.timebank.region.RegionService;
import org.timebank.region.domain.RegionRef;

/**
 * The minimum of confirmed service before a region's volunteers may redeem (Guangzhou: 100 hours).
 * The row of the nearest region on the volunteer's home community path applies; a row without a
 * minimum lifts one inherited from above.
 */
@ApplicationScoped
public class RedemptionRuleService {
    @Inject
    RedemptionRuleStore rules;
    @Inject
    RegionService regions;

    @Transactional(Transactional.TxType.MANDATORY)
    public RedemptionRuleInForce put(long regionId, Long minMinutes) {
        regions.require(regionId);
        rules.put(regionId, minMinutes);
        return get(regionId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RedemptionRuleInForce get(long regionId) {
        RegionRef region = regions.require(regionId);
        return rules.nearest(region.pathIds())
                .map(row -> new RedemptionRuleInForce(regionId, row.minMinutes(), row.regionId()))
                .orElse(new RedemptionRuleInForce(regionId, null, null));
    }

}
