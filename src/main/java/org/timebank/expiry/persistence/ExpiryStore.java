package org.timebank.expiry.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.timebank.common.Sql;
import org.timebank.expiry.domain.PointsExpiry;
import org.timebank.expiry.domain.PointsExpiry.Credit;

/** Points expiry rules, and the journal read the expiry rule needs. */
@ApplicationScoped
public class ExpiryStore {
    @Inject
    Sql sql;

    /** A region's rule: the region that set it and its months. */
    public record Rule(long regionId, int months) {}

    /** Sets (or replaces) the region's rule. */
    public void put(long regionId, int months, String actor) {
        sql.update("insert into points_expiry_rule (region_id, months, set_by) values (?, ?, ?) "
                + "on conflict (region_id) do update set months = excluded.months, set_by = excluded.set_by, "
                + "set_at = now()", regionId, months, actor);
    }

    /** The rule of the nearest region on this path (root first, the region itself last). */
    public Optional<Rule> ruleFor(List<Long> path) {
        Long[] ids = path.toArray(Long[]::new);
        return sql.one("select region_id, months from points_expiry_rule where region_id = any (?) "
                + "order by region_path_distance(?, region_id) limit 1", ExpiryStore::rule, ids, ids);
    }

    /** The rule that applies to a volunteer: the nearest on their home community's path. */
    public Optional<Rule> ruleForVolunteer(long volunteerId) {
        return sql.one("select e.region_id, e.months from volunteer v join region h on h.id = v.home_community_id "
                + "join points_expiry_rule e on e.region_id = any (h.path) where v.id = ? "
                + "order by region_path_distance(h.path, e.region_id) limit 1", ExpiryStore::rule, volunteerId);
    }

    private static Rule rule(ResultSet r) throws SQLException {
        return new Rule(r.getLong(1), r.getInt(2));
    }

    /** A wallet's posted credits, oldest first. */
    public List<Credit> credits(long accountId) {
        return sql.list("select t.created_at, p.amount from posting p join journal_transaction t on t.id = p.transaction_id "
                        + "where p.account_id = ? and p.phase = 0 and p.amount > 0 order by t.created_at, t.id",
                r -> new Credit(r.getObject(1, OffsetDateTime.class).toInstant(), r.getLong(2)), accountId);
    }

    /**
     * Points wallets, ids above {@code afterId}, of volunteers under a rule, holding available points
     * and more credits earned by the rule's cutoff than they have spent in all: those with something
     * to expire at {@code now}. One set-based query; the cutoff is {@link PointsExpiry#cutoff} in SQL.
     */
    public List<Long> walletsWithDue(Instant now, long afterId, int limit) {
        return sql.list("with ruled as ("
                        + " select c.id community_id, r.months from region c"
                        + " cross join lateral (select e.months from points_expiry_rule e where e.region_id = any (c.path)"
                        + "   order by region_path_distance(c.path, e.region_id) limit 1) r"
                        + " where c.level = 'COMMUNITY'"
                        + "   and c.path && (select coalesce(array_agg(region_id), '{}') from points_expiry_rule)) "
                        + "select a.id from ruled join volunteer v on v.home_community_id = ruled.community_id "
                        + "join account a on a.owner_type = 'VOLUNTEER' and a.owner_id = v.id and a.asset = 'POINTS' "
                        + " and a.purpose = 'VOLUNTEER_WALLET' "
                        + "where a.id > ? and a.credits_posted > a.debits_posted + a.debits_pending "
                        + "  and a.debits_posted < (select coalesce(sum(p.amount), 0) from posting p"
                        + "   join journal_transaction t on t.id = p.transaction_id"
                        + "   where p.account_id = a.id and p.phase = 0 and p.amount > 0"
                        + "     and t.created_at <= (cast(? as timestamptz) at time zone '" + PointsExpiry.ZONE.getId() + "'"
                        + "       - make_interval(months => ruled.months)) at time zone '" + PointsExpiry.ZONE.getId() + "') "
                        + "order by a.id limit " + limit,
                r -> r.getLong(1), afterId, now);
    }
}
