package org.timebank.servicerequest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.timebank.region.RegionService;
import org.timebank.region.domain.RegionRef;
import org.timebank.servicerequest.domain.ServiceRulesInForce;
import org.timebank.servicerequest.domain.Settlement;
import org.timebank.servicerequest.persistence.ServiceRequestStore;

/**
 * The service rules of a region, inherited down the tree: the nearest region on the path that sets
 * them (itself first) decides how withdrawals settle and which categories may be asked for; with
 * none, BANK and the configured default categories.
 */
@ApplicationScoped
public class ServiceRuleService {
    @Inject
    ServiceRequestStore store;
    @Inject
    RegionService regions;
    @Inject
    ServiceRequestConfig config;

    @Transactional(Transactional.TxType.SUPPORTS)
    public ServiceRulesInForce get(long regionId) {
        return inForce(regions.require(regionId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ServiceRulesInForce inForce(RegionRef region) {
        return store.ruleInForce(region.pathIds())
                .map(r -> new ServiceRulesInForce(region.id(), r.settlement(), r.categories(), r.minStoredMinutes(),
                        r.approvedNeedRequired(), r.regionId()))
                .orElseGet(() -> new ServiceRulesInForce(region.id(), Settlement.BANK, config.defaultCategories(), null,
                        false, null));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ServiceRulesInForce put(long regionId, Settlement settlement, List<String> categories, Long minStoredMinutes,
                                   boolean approvedNeedRequired, String actor) {
        RegionRef region = regions.require(regionId);
        store.putRule(regionId, settlement, categories.stream().distinct().toList(), minStoredMinutes,
                approvedNeedRequired, actor);
        return inForce(region);
    }
}
