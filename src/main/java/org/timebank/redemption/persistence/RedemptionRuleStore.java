package org.timebank.redemption.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.timebank.common.Sql;

/** The redemption rules' rows: a region's minimum of confirmed service, null where a row lifts one inherited. */
@ApplicationScoped
public class RedemptionRuleStore {
    @Inject
    Sql sql;

    /** The rule's row nearest on a path (root first): the region that set it and its minimum, if any. */
    public record Row(long regionId, Long minMinutes) {}

    /** Sets (or replaces) the region's minimum; null lifts an inherited one. */
    public void put(long regionId, Long minMinutes) {
        sql.update("insert into redemption_rule (region_id, min_minutes) values (?, ?) "
                + "on conflict (region_id) do update set min_minutes = excluded.min_minutes", regionId, Sql.bigint(minMinutes));
    }

    /** The row of the nearest region on this path that has one. */
    public Optional<Row> nearest(List<Long> path) {
        Long[] ids = path.toArray(Long[]::new);
        return sql.one("select region_id, min_minutes from redemption_rule "
                + "where region_id = any (?) order by region_path_distance(?, region_id) limit 1",
                r -> new Row(r.getLong(1), r.getObject(2, Long.class)), ids, ids);
    }
}
