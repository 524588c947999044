package org.timebank.hours.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.timebank.common.Sql;
import org.timebank.hours.domain.ClaimReview;

/**
 * A claim being decided or reversed, read and written in plain SQL so that a decision reads once
 * and writes once: the claim locked with what its decision needs, and its new state written with the
 * decision's posting (see {@link Sql#defer}).
 */
@ApplicationScoped
public class ClaimDecisions {
    @Inject
    Sql sql;

    /**
     * The claim (detached: its changes are written by {@link #write}), its community's path (root
     * first), the activity's own rate if it has one, and the conversion rule version in force when
     * the service started (the nearest region's latest), if any.
     */
    public record Locked(HourClaim claim, List<Long> communityPath, BigDecimal activityRate, Integer ruleSetId) {}

    private static final String COLUMNS = "c.id, c.volunteer_id, c.community_id, c.activity_id, c.category, "
            + "c.description, c.starts_at, c.ends_at, c.minutes, c.status, c.submitted_by, c.submitted_at, "
            + "c.first_reviewer, c.first_reviewed_at, c.decided_by, c.decided_at, c.reason, c.rule_set_id, "
            + "c.credited_minutes, c.points, c.transaction_id, c.reversal_id";

    /** The claim, its row locked until the transaction ends, with what deciding it needs; one round trip. */
    public Optional<Locked> lock(long claimId) {
        return sql.one("select " + COLUMNS + ", r.path, a.points_per_hour, "
                        + "(select s.id from conversion_rule_set s where s.region_id = any (r.path) "
                        + "and s.effective_from <= c.starts_at order by region_path_distance(r.path, s.region_id), "
                        + "s.effective_from desc, s.version desc limit 1) "
                        + "from hour_claim c join region r on r.id = c.community_id "
                        + "left join activity a on a.id = c.activity_id where c.id = ? for update of c",
                r -> new Locked(claim(r), path(r.getArray(23)), r.getBigDecimal(24), (Integer) r.getObject(25)),
                claimId);
    }

    /** Writes the claim's decision or reversal, with the transaction's next round trip. */
    public void write(HourClaim c) {
        sql.defer("update hour_claim set status = ?, first_reviewer = ?, first_reviewed_at = ?, decided_by = ?, "
                        + "decided_at = ?, reason = ?, rule_set_id = ?, credited_minutes = ?, points = ?, "
                        + "transaction_id = ?, reversal_id = ? where id = ?",
                c.status, Sql.nullOr(c.firstReviewer, java.sql.Types.VARCHAR),
                Sql.nullOr(c.firstReviewedAt, java.sql.Types.TIMESTAMP_WITH_TIMEZONE),
                Sql.nullOr(c.decidedBy, java.sql.Types.VARCHAR),
                Sql.nullOr(c.decidedAt, java.sql.Types.TIMESTAMP_WITH_TIMEZONE),
                Sql.nullOr(c.reason, java.sql.Types.VARCHAR), Sql.integer(c.ruleSetId), Sql.bigint(c.creditedMinutes),
                Sql.bigint(c.points), Sql.bigint(c.transactionId), Sql.bigint(c.reversalId), c.id);
    }

    private static HourClaim claim(ResultSet r) throws SQLException {
        HourClaim c = new HourClaim();
        c.id = r.getLong(1);
        c.volunteerId = r.getLong(2);
        c.communityId = r.getLong(3);
        c.activityId = (Long) r.getObject(4, Long.class);
        c.category = r.getString(5);
        c.description = r.getString(6);
        c.startsAt = r.getObject(7, OffsetDateTime.class);
        c.endsAt = r.getObject(8, OffsetDateTime.class);
        c.minutes = r.getInt(9);
        c.status = ClaimReview.Status.valueOf(r.getString(10));
        c.submittedBy = r.getString(11);
        c.submittedAt = r.getObject(12, OffsetDateTime.class);
        c.firstReviewer = r.getString(13);
        c.firstReviewedAt = r.getObject(14, OffsetDateTime.class);
        c.decidedBy = r.getString(15);
        c.decidedAt = r.getObject(16, OffsetDateTime.class);
        c.reason = r.getString(17);
        c.ruleSetId = (Integer) r.getObject(18, Integer.class);
        c.creditedMinutes = (Long) r.getObject(19, Long.class);
        c.points = (Long) r.getObject(20, Long.class);
        c.transactionId = (Long) r.getObject(21, Long.class);
        c.reversalId = (Long) r.getObject(22, Long.class);
        return c;
    }

    private static List<Long> path(Array array) throws SQLException {
        return Arrays.asList((Long[]) array.getArray());
    }
}
