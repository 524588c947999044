package org.timebank.servicerequest.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.timebank.common.Sql;
import org.timebank.servicerequest.domain.HoursLiability;
import org.timebank.servicerequest.domain.NeedApproval;
import org.timebank.servicerequest.domain.NoShowParty;
import org.timebank.servicerequest.domain.PayerType;
import org.timebank.servicerequest.domain.RequestStatus;
import org.timebank.servicerequest.domain.ServiceProfile;
import org.timebank.servicerequest.domain.ServiceRequestDetails;
import org.timebank.servicerequest.domain.Settlement;

/** Service requests and the service rules: plain SQL, one statement per step. */
@ApplicationScoped
public class ServiceRequestStore {
    @Inject
    Sql sql;

    private static final String COLUMNS = "s.id, s.requester_id, s.community_id, s.category, s.description, s.place, "
            + "s.window_starts_at, s.window_ends_at, s.expected_minutes, s.payer_type, s.payer_volunteer_id, "
            + "s.payer_reason, s.status, s.created_by, s.created_at, s.provider_id, s.accepted_at, s.settlement, "
            + "s.hold_id, s.minutes_served, s.reported_at, s.disputed_by, s.escalated_at, s.closed_by, s.closed_at, "
            + "s.reason, s.no_show_party, s.posted_minutes, s.settlement_transaction_id, s.claim_id";

    /** A rule row: the region that set it and what it says. */
    public record RuleRow(long regionId, Settlement settlement, List<String> categories, Long minStoredMinutes,
                          boolean approvedNeedRequired) {}

    public long insert(long requesterId, long communityId, String category, String description, String place,
                       Instant windowStartsAt, Instant windowEndsAt, int expectedMinutes, PayerType payerType,
                       Long payerVolunteerId, String payerReason, String actor) {
        return sql.one("insert into service_request (requester_id, community_id, category, description, place, "
                        + "window_starts_at, window_ends_at, expected_minutes, payer_type, payer_volunteer_id, "
                        + "payer_reason, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id",
                r -> r.getLong(1), requesterId, communityId, category, description, place, utc(windowStartsAt),
                utc(windowEndsAt), expectedMinutes, payerType.name(), payerVolunteerId, payerReason, actor)
                .orElseThrow();
    }

    public Optional<ServiceRequestDetails> find(long id) {
        return sql.one("select " + COLUMNS + " from service_request s where s.id = ?", ServiceRequestStore::details, id);
    }

    /** The request, its row locked until the transaction ends: every step of one request queues here. */
    public Optional<ServiceRequestDetails> lock(long id) {
        return sql.one("select " + COLUMNS + " from service_request s where s.id = ? for update",
                ServiceRequestStore::details, id);
    }

    public void markAccepted(long id, long providerId, Settlement settlement, long holdId) {
        sql.update("update service_request set status = 'ACCEPTED', provider_id = ?, accepted_at = now(), settlement = ?, "
                + "hold_id = ? where id = ?", providerId, settlement.name(), holdId, id);
    }

    public void markReported(long id, int minutes) {
        sql.update("update service_request set status = 'COMPLETED', minutes_served = ?, reported_at = now() where id = ?",
                minutes, id);
    }

    public void markDisputed(long id, String actor, String reason) {
        sql.update("update service_request set status = 'DISPUTED', disputed_by = ?, reason = ? where id = ?",
                actor, reason, id);
    }

    /** Ends the request: who, why, and for a posting what was posted (and the provider's claim under BANK). */
    public void markClosed(long id, RequestStatus status, String actor, String reason, NoShowParty noShow,
                           Integer postedMinutes, Long transactionId, Long claimId) {
        sql.update("update service_request set status = ?, closed_by = ?, closed_at = now(), reason = coalesce(?, reason), "
                        + "no_show_party = ?, posted_minutes = ?, settlement_transaction_id = ?, claim_id = ? where id = ?",
                status.name(), actor, reason, noShow == null ? null : noShow.name(), postedMinutes, transactionId,
                claimId, id);
    }

    public void markExpired(long id) {
        sql.update("update service_request set status = 'EXPIRED', closed_by = 'system:hold-expiry', closed_at = now() "
                + "where id = ?", id);
    }

    /** Held requests whose window ended before {@code dueBefore}, not escalated yet; locked, skipping taken ones. */
    public List<Long> lockDueForEscalation(Instant dueBefore, int limit) {
        return sql.list("select s.id from service_request s where s.status in ('ACCEPTED', 'COMPLETED') "
                        + "and s.escalated_at is null and s.window_ends_at < ? order by s.window_ends_at limit " + limit
                        + " for update skip locked", r -> r.getLong(1), utc(dueBefore));
    }

    public void markEscalated(long id) {
        sql.update("update service_request set escalated_at = now() where id = ?", id);
    }

    /** Held requests whose hold the ledger has expired; locked, skipping ones another sweeper has. */
    public List<Long> lockExpiredHeld(int limit) {
        return sql.list("select s.id from service_request s join hold h on h.id = s.hold_id "
                + "where s.status in ('ACCEPTED', 'COMPLETED', 'DISPUTED') and h.status = 'EXPIRED' "
                + "order by s.id limit " + limit + " for update of s skip locked", r -> r.getLong(1));
    }

    /**
     * The minutes {@code payerId} pays for {@code requesterId}'s requests accepted this calendar month
     * (Asia/Shanghai): held ones count their expected minutes, settled ones what was posted.
     */
    public long familyMinutesThisMonth(long payerId, long requesterId) {
        return sql.one("select coalesce(sum(case when status in ('ACCEPTED', 'COMPLETED', 'DISPUTED') then expected_minutes "
                        + "else coalesce(posted_minutes, 0) end), 0) from service_request "
                        + "where payer_type = 'FAMILY' and payer_volunteer_id = ? and requester_id = ? "
                        + "and accepted_at >= date_trunc('month', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai'",
                r -> r.getLong(1), payerId, requesterId).orElseThrow();
    }

    // ---- lists ----

    /**
     * What a list asks for. {@code scope}: staff's regions (null for admin and volunteers);
     * {@code viewer}: a volunteer, who sees OPEN requests and their own (as requester, payer or provider);
     * {@code matching}: a volunteer whose skills and availability the requests must fit.
     */
    public record Query(Long[] scope, Long viewer, Long regionId, RequestStatus status, String category,
                        Long requesterId, Long providerId, Long payerId, Long matching, Boolean escalated, Instant from,
                        Instant to, Long before, int limit) {}

    public List<ServiceRequestDetails> list(Query q) {
        StringBuilder text = new StringBuilder("select " + COLUMNS
                + " from service_request s join region r on r.id = s.community_id where s.id < ?");
        List<Object> args = new ArrayList<>(List.of(q.before() == null ? Long.MAX_VALUE : q.before()));
        if (q.scope() != null) {
            text.append(" and r.path && ?");
            args.add(q.scope());
        }
        if (q.viewer() != null) {
            text.append(" and (s.status = 'OPEN' or s.requester_id = ? or s.provider_id = ? or s.payer_volunteer_id = ?)");
            args.addAll(List.of(q.viewer(), q.viewer(), q.viewer()));
        }
        if (q.regionId() != null) {
            text.append(" and r.path @> ?");
            args.add(new Long[] {q.regionId()});
        }
        if (q.status() != null) {
            // a literal, not a parameter: the plan kept for the statement (application.properties)
            // then fits the status asked for, a rare one (PENDING) through the status index
            text.append(" and s.status = '").append(q.status().name()).append("'");
        }
        if (q.category() != null) {
            text.append(" and s.category = ?");
            args.add(q.category());
        }
        if (q.requesterId() != null) {
            text.append(" and s.requester_id = ?");
            args.add(q.requesterId());
        }
        if (q.providerId() != null) {
            text.append(" and s.provider_id = ?");
            args.add(q.providerId());
        }
        if (q.payerId() != null) {
            text.append(" and s.payer_volunteer_id = ?");
            args.add(q.payerId());
        }
        if (q.matching() != null) {
            // the volunteer's skills, and a weekly slot the window's start falls in (local time), where they set any
            text.append(" and exists (select 1 from volunteer_skill k where k.volunteer_id = ? and k.category = s.category)"
                    + " and (not exists (select 1 from volunteer_availability a where a.volunteer_id = ?)"
                    + " or exists (select 1 from volunteer_availability a where a.volunteer_id = ?"
                    + " and a.weekday = extract(isodow from s.window_starts_at at time zone 'Asia/Shanghai')"
                    + " and a.starts_at < (s.window_ends_at at time zone 'Asia/Shanghai')::time"
                    + " and a.ends_at > (s.window_starts_at at time zone 'Asia/Shanghai')::time))");
            args.addAll(List.of(q.matching(), q.matching(), q.matching()));
        }
        if (q.escalated() != null) {
            text.append(q.escalated() ? " and s.escalated_at is not null" : " and s.escalated_at is null");
        }
        // a window that overlaps [from, to)
        if (q.from() != null) {
            text.append(" and s.window_ends_at > ?");
            args.add(utc(q.from()));
        }
        if (q.to() != null) {
            text.append(" and s.window_starts_at < ?");
            args.add(utc(q.to()));
        }
        text.append(" order by s.id desc limit ").append(q.limit());
        return sql.list(text.toString(), ServiceRequestStore::details, args.toArray());
    }

    // ---- rules ----

    public Optional<RuleRow> ruleInForce(List<Long> path) {
        Long[] ids = path.toArray(Long[]::new);
        return sql.one("select region_id, settlement, categories, min_stored_minutes, approved_need_required from service_rule "
                + "where region_id = any (?) "
                + "order by region_path_distance(?, region_id) limit 1", ServiceRequestStore::rule, ids, ids);
    }

    public void putRule(long regionId, Settlement settlement, List<String> categories, Long minStoredMinutes,
                        boolean approvedNeedRequired, String actor) {
        sql.update("insert into service_rule (region_id, settlement, categories, min_stored_minutes, approved_need_required, "
                        + "set_by) values (?, ?, ?, ?, ?, ?) on conflict (region_id) do update set "
                        + "settlement = excluded.settlement, categories = excluded.categories, "
                        + "min_stored_minutes = excluded.min_stored_minutes, "
                        + "approved_need_required = excluded.approved_need_required, set_by = excluded.set_by, set_at = now()",
                regionId, settlement.name(), categories.toArray(String[]::new), minStoredMinutes, approvedNeedRequired,
                actor);
    }

    // ---- service profiles (the resources list) ----

    public ServiceProfile profile(long volunteerId) {
        List<String> skills = sql.list("select category from volunteer_skill where volunteer_id = ? order by category",
                r -> r.getString(1), volunteerId);
        List<ServiceProfile.Slot> slots = sql.list("select weekday, starts_at, ends_at from volunteer_availability "
                        + "where volunteer_id = ? order by weekday, starts_at",
                r -> new ServiceProfile.Slot(DayOfWeek.of(r.getInt(1)), r.getObject(2, LocalTime.class),
                        r.getObject(3, LocalTime.class)), volunteerId);
        return new ServiceProfile(volunteerId, skills, slots);
    }

    public void replaceProfile(ServiceProfile p) {
        sql.update("delete from volunteer_skill where volunteer_id = ?", p.volunteerId());
        sql.update("delete from volunteer_availability where volunteer_id = ?", p.volunteerId());
        for (String category : p.skills()) {
            sql.update("insert into volunteer_skill (volunteer_id, category) values (?, ?)", p.volunteerId(), category);
        }
        for (ServiceProfile.Slot slot : p.availability()) {
            sql.update("insert into volunteer_availability (volunteer_id, weekday, starts_at, ends_at) values (?, ?, ?, ?)",
                    p.volunteerId(), slot.weekday().getValue(), slot.startsAt(), slot.endsAt());
        }
    }

    /** Volunteers homed in the region's subtree with a skill (of {@code category}, if given), by id. */
    public List<Long> resources(long regionId, String category, Long after, int limit) {
        return sql.list("select distinct k.volunteer_id from volunteer_skill k join volunteer v on v.id = k.volunteer_id "
                        + "join region r on r.id = v.home_community_id where r.path @> ? and (?::text is null or k.category = ?) "
                        + "and k.volunteer_id > ? order by k.volunteer_id limit " + limit, r -> r.getLong(1),
                new Long[] {regionId}, category, category, after == null ? 0L : after);
    }

    // ---- liability ----

    /** Totals of HOURS accounts of this purpose held by owners of this type in the region's subtree, deltas included. */
    private static final String BALANCES = "select coalesce(sum(a.credits_posted + coalesce(d.cp, 0) - a.debits_posted - coalesce(d.dp, 0)), 0), "
            + "coalesce(sum(a.debits_pending + coalesce(d.dq, 0)), 0) from account a "
            + "left join lateral (select sum(x.debits_posted) dp, sum(x.credits_posted) cp, sum(x.debits_pending) dq "
            + "from account_delta x where x.account_id = a.id) d on true ";

    /** Posted minus debited (stored) and pending debits (held) of volunteers' HOURS wallets homed in the subtree. */
    public long[] walletTotals(long regionId) {
        return sql.one(BALANCES + "join volunteer v on a.owner_type = 'VOLUNTEER' and a.owner_id = v.id "
                        + "join region r on r.id = v.home_community_id where r.path @> ? and a.asset = 'HOURS' "
                        + "and a.purpose = 'VOLUNTEER_WALLET'", r -> new long[] {r.getLong(1), r.getLong(2)},
                (Object) new Long[] {regionId}).orElseThrow();
    }

    /** The balance (credits less debits, posted) of the subtree's communities' HOURS accounts of a purpose. */
    public long communityTotal(long regionId, String purpose) {
        return sql.one(BALANCES + "join region r on a.owner_type = 'REGION' and a.owner_id = r.id "
                        + "where r.path @> ? and a.asset = 'HOURS' and a.purpose = ?", r -> r.getLong(1),
                new Long[] {regionId}, purpose).orElseThrow();
    }

    public long withdrawnTotal(long regionId) {
        return sql.one("select coalesce(sum(s.posted_minutes), 0) from service_request s join region r on r.id = s.community_id "
                + "where r.path @> ? and s.posted_minutes is not null", r -> r.getLong(1), (Object) new Long[] {regionId})
                .orElseThrow();
    }

    /** Withdrawals by calendar month (Asia/Shanghai) since {@code fromMonth} (yyyy-mm), oldest first. */
    public List<HoursLiability.Month> withdrawalsByMonth(long regionId, String fromMonth) {
        return sql.list("select to_char(m, 'YYYY-MM'), coalesce(sum(s.posted_minutes), 0), count(s.id) "
                        + "from generate_series(to_date(?, 'YYYY-MM'), date_trunc('month', now() at time zone 'Asia/Shanghai'), "
                        + "interval '1 month') m left join (service_request s join region r on r.id = s.community_id "
                        + "and r.path @> ?) on s.posted_minutes is not null "
                        + "and date_trunc('month', s.closed_at at time zone 'Asia/Shanghai') = m "
                        + "group by m order by m",
                r -> new HoursLiability.Month(r.getString(1), r.getLong(2), r.getLong(3)), fromMonth,
                new Long[] {regionId});
    }

    // ---- eligibility ----

    public void approveNeed(long volunteerId, String actor, String reason) {
        sql.update("insert into service_eligibility (volunteer_id, approved_by, reason) values (?, ?, ?) "
                + "on conflict (volunteer_id) do update set approved_by = excluded.approved_by, approved_at = now(), "
                + "reason = excluded.reason", volunteerId, actor, reason);
    }

    public void withdrawNeed(long volunteerId) {
        sql.update("delete from service_eligibility where volunteer_id = ?", volunteerId);
    }

    /** The approval of the volunteer's need: who and when, if approved. */
    public Optional<NeedApproval> needApproval(long volunteerId) {
        return sql.one("select volunteer_id, approved_by, approved_at, reason from service_eligibility where volunteer_id = ?",
                r -> new NeedApproval(r.getLong(1), r.getString(2), r.getObject(3, OffsetDateTime.class), r.getString(4)),
                volunteerId);
    }

    // ---- plumbing ----

    private static RuleRow rule(ResultSet r) throws SQLException {
        Array categories = r.getArray(3);
        return new RuleRow(r.getLong(1), Settlement.valueOf(r.getString(2)),
                Arrays.asList((String[]) categories.getArray()), (Long) r.getObject(4, Long.class), r.getBoolean(5));
    }

    private static ServiceRequestDetails details(ResultSet r) throws SQLException {
        String settlement = r.getString(18);
        String noShow = r.getString(27);
        return new ServiceRequestDetails(r.getLong(1), r.getLong(2), r.getLong(3), r.getString(4), r.getString(5),
                r.getString(6), r.getObject(7, OffsetDateTime.class), r.getObject(8, OffsetDateTime.class), r.getInt(9),
                PayerType.valueOf(r.getString(10)), (Long) r.getObject(11, Long.class), r.getString(12),
                RequestStatus.valueOf(r.getString(13)), r.getString(14), r.getObject(15, OffsetDateTime.class),
                (Long) r.getObject(16, Long.class), r.getObject(17, OffsetDateTime.class),
                settlement == null ? null : Settlement.valueOf(settlement), (Long) r.getObject(19, Long.class),
                (Integer) r.getObject(20, Integer.class), r.getObject(21, OffsetDateTime.class), r.getString(22),
                r.getObject(23, OffsetDateTime.class), r.getString(24), r.getObject(25, OffsetDateTime.class),
                r.getString(26), noShow == null ? null : NoShowParty.valueOf(noShow),
                (Integer) r.getObject(28, Integer.class), (Long) r.getObject(29, Long.class),
                (Long) r.getObject(30, Long.class));
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
