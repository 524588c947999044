package org.timebank.redemption;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import org.timebank.common.Jdbc;
import org.timebank.redemption.domain.RedemptionRuleInForce;
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
    Jdbc jdbc;
    @Inject
    RegionService regions;

    @Transactional(Transactional.TxType.MANDATORY)
    public RedemptionRuleInForce put(long regionId, Long minMinutes) {
        regions.require(regionId);
        jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement("insert into redemption_rule (region_id, min_minutes) values (?, ?) "
                    + "on conflict (region_id) do update set min_minutes = excluded.min_minutes")) {
                s.setLong(1, regionId);
                if (minMinutes == null) {
                    s.setNull(2, Types.BIGINT);
                } else {
                    s.setLong(2, minMinutes);
                }
                return s.executeUpdate();
            }
        });
        return get(regionId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RedemptionRuleInForce get(long regionId) {
        RegionRef region = regions.require(regionId);
        return jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement("select region_id, min_minutes from redemption_rule "
                    + "where region_id = any (?) order by region_path_distance(?, region_id) limit 1")) {
                java.sql.Array path = c.createArrayOf("bigint", region.pathIds().toArray());
                s.setArray(1, path);
                s.setArray(2, path);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return new RedemptionRuleInForce(regionId, null, null);
                    }
                    return new RedemptionRuleInForce(regionId, (Long) r.getObject(2, Long.class), r.getLong(1));
                }
            }
        });
    }
}
