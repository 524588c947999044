package org.timebank.notice.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.timebank.common.Sql;
import org.timebank.notice.domain.NewNotice;

/** The notice outbox, the volunteers' subscriptions, and the regions' notice settings. */
@ApplicationScoped
public class NoticeStore {
    @Inject
    Sql sql;

    /** A notice as the dispatcher claimed it: {@code attempts} counts this one, and fences its outcome. */
    public record Claimed(long id, long volunteerId, String channel, String kind, String template, String payload,
                          String dedupId, Long regionId, int attempts, String status, Instant createdAt) {}

    /** A notice as tests and operators read it. */
    public record Row(long id, long volunteerId, String channel, String kind, String template, String payload,
                      String dedupId, String status, int attempts, Instant nextAttemptAt, Instant sentAt,
                      String lastError) {}

    public record Subscription(String template, int oneTimeGrants, boolean always) {}

    public record Webhook(long regionId, String url, byte[] secret) {}

    // ---- writing notices: deferred, they travel with the event's own writes ----

    /**
     * Writes a WeChat notice if the volunteer has a grant for the template, and takes the grant (a
     * one-time acceptance; a long-term one stays): in one statement, so that two events never count
     * on one acceptance. An event already noticed takes nothing.
     */
    public void enqueueWeChat(NewNotice notice, String template, String payload) {
        sql.defer("with taken as (update notice_subscription s"
                        + " set one_time_grants = case when s.always then s.one_time_grants else s.one_time_grants - 1 end,"
                        + " updated_at = now()"
                        + " where s.volunteer_id = ? and s.template = ? and (s.always or s.one_time_grants > 0)"
                        + " and not exists (select 1 from notice n where n.channel = 'WECHAT' and n.dedup_id = ?)"
                        + " returning s.volunteer_id, not s.always as grant_taken) "
                        + "insert into notice (volunteer_id, channel, kind, template, payload, dedup_id, grant_taken) "
                        + "select volunteer_id, 'WECHAT', ?, ?, cast(? as jsonb), ?, grant_taken from taken "
                        + "on conflict (channel, dedup_id) do nothing",
                notice.volunteerId(), template, notice.dedupId(), notice.kind(), template, payload, notice.dedupId());
    }

    /** Writes a webhook notice if a region on the volunteer's home path has a webhook (the nearest's). */
    public void enqueueWebhook(NewNotice notice, String payload) {
        sql.defer("insert into notice (volunteer_id, channel, kind, payload, dedup_id, region_id) "
                        + "select v.id, 'WEBHOOK', ?, cast(? as jsonb), ?, w.region_id from volunteer v "
                        + "join region h on h.id = v.home_community_id "
                        + "cross join lateral (select w.region_id from notice_webhook w where w.region_id = any (h.path)"
                        + " order by region_path_distance(h.path, w.region_id) limit 1) w "
                        + "where v.id = ? on conflict (channel, dedup_id) do nothing",
                notice.kind(), payload, notice.dedupId(), notice.volunteerId());
    }

    // ---- the dispatcher ----

    /**
     * Claims up to {@code limit} notices of these channels due at {@code now} (pending ones whose
     * time has come, and sending ones whose lease ran out): each becomes SENDING until
     * {@code leaseEnd} and counts an attempt, or, past its last attempt, FAILED. Rows another
     * dispatcher is claiming are skipped, not waited for.
     */
    public List<Claimed> claimDue(Collection<String> channels, Instant now, Instant leaseEnd, int maxAttempts,
                                  int limit) {
        return sql.list("with due as (select id from notice where status in ('PENDING', 'SENDING')"
                        + " and next_attempt_at <= ? and channel = any (?) order by next_attempt_at, id limit " + limit
                        + " for update skip locked) "
                        + "update notice n set"
                        + " status = case when n.attempts >= ? then 'FAILED' else 'SENDING' end,"
                        + " attempts = case when n.attempts >= ? then n.attempts else n.attempts + 1 end,"
                        + " last_error = case when n.attempts >= ? then 'lease expired on the last attempt, outcome unknown'"
                        + "   else n.last_error end,"
                        + " next_attempt_at = ? "
                        + "from due where n.id = due.id "
                        + "returning n.id, n.volunteer_id, n.channel, n.kind, n.template, n.payload::text, n.dedup_id,"
                        + " n.region_id, n.attempts, n.status, n.created_at",
                NoticeStore::claimed, now, Sql.texts(channels), maxAttempts, maxAttempts, maxAttempts, leaseEnd);
    }

    private static Claimed claimed(ResultSet r) throws SQLException {
        long region = r.getLong(8);
        return new Claimed(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6),
                r.getString(7), r.wasNull() ? null : region, r.getInt(9), r.getString(10),
                r.getObject(11, OffsetDateTime.class).toInstant());
    }

    /** Records a delivery, if the notice is still this claim's; whether it was. */
    public boolean sent(long id, int attempts, Instant at) {
        return sql.update("update notice set status = 'SENT', sent_at = ?, last_error = null "
                + "where id = ? and status = 'SENDING' and attempts = ?", at, id, attempts) == 1;
    }

    /** Records a failed attempt to try again at {@code nextAt}, if the notice is still this claim's. */
    public boolean retry(long id, int attempts, String error, Instant nextAt) {
        return sql.update("update notice set status = 'PENDING', next_attempt_at = ?, last_error = ? "
                + "where id = ? and status = 'SENDING' and attempts = ?", nextAt, error, id, attempts) == 1;
    }

    /**
     * Ends the notice undelivered: FAILED (out of attempts) or SKIPPED (never deliverable), if it is
     * still this claim's; whether it was. With {@code giveGrantBack}, the one-time grant a WeChat
     * notice took when it was written is the volunteer's again: WeChat takes an acceptance only
     * with a message it sends.
     */
    public boolean end(long id, int attempts, String status, String error, boolean giveGrantBack) {
        return sql.single("with ended as (update notice set status = ?, last_error = ? "
                        + " where id = ? and status = 'SENDING' and attempts = ?"
                        + " returning volunteer_id, template, grant_taken), "
                        + "given_back as (update notice_subscription s set one_time_grants = s.one_time_grants + 1,"
                        + " updated_at = now() from ended e"
                        + " where ? and e.grant_taken and s.volunteer_id = e.volunteer_id and s.template = e.template"
                        + " returning 1) "
                        + "select count(*) from ended",
                r -> r.getInt(1), status, error, id, attempts, giveGrantBack) == 1;
    }

    /** Notices still to deliver (pending or being sent). */
    public long pending() {
        return sql.single("select count(*) from notice where status in ('PENDING', 'SENDING')", r -> r.getLong(1));
    }

    /** The volunteer's notices, oldest first. */
    public List<Row> ofVolunteer(long volunteerId) {
        return sql.list("select id, volunteer_id, channel, kind, template, payload::text, dedup_id, status, attempts,"
                + " next_attempt_at, sent_at, last_error from notice where volunteer_id = ? order by id",
                r -> new Row(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6),
                        r.getString(7), r.getString(8), r.getInt(9), instant(r, 10), instant(r, 11), r.getString(12)),
                volunteerId);
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    // ---- subscriptions ----

    /** One more one-time acceptance of the template, or (always) a long-term one. */
    public void accept(long volunteerId, String template, boolean always) {
        sql.update("insert into notice_subscription (volunteer_id, template, one_time_grants, always) "
                        + "values (?, ?, ?, ?) on conflict (volunteer_id, template) do update set "
                        + "one_time_grants = notice_subscription.one_time_grants + excluded.one_time_grants, "
                        + "always = notice_subscription.always or excluded.always, updated_at = now()",
                volunteerId, template, always ? 0 : 1, always);
    }

    /** Takes every grant of the template away. */
    public void revoke(long volunteerId, String template) {
        sql.update("update notice_subscription set one_time_grants = 0, always = false, updated_at = now() "
                + "where volunteer_id = ? and template = ?", volunteerId, template);
    }

    public List<Subscription> subscriptions(long volunteerId) {
        return sql.list("select template, one_time_grants, always from notice_subscription where volunteer_id = ? "
                        + "order by template", r -> new Subscription(r.getString(1), r.getInt(2), r.getBoolean(3)),
                volunteerId);
    }

    // ---- region settings ----

    /** A region's rule: the region that set it and its value. */
    public record Rule(long regionId, int days) {}

    public void putExpiryWarning(long regionId, int days, String actor) {
        sql.update("insert into points_expiry_notice_rule (region_id, days, set_by) values (?, ?, ?) "
                + "on conflict (region_id) do update set days = excluded.days, set_by = excluded.set_by, set_at = now()",
                regionId, days, actor);
    }

    /** The warning rule of the nearest region on this path (root first, the region itself last). */
    public Optional<Rule> expiryWarningFor(List<Long> path) {
        Long[] ids = path.toArray(Long[]::new);
        return sql.one("select region_id, days from points_expiry_notice_rule where region_id = any (?) "
                + "order by region_path_distance(?, region_id) limit 1", r -> new Rule(r.getLong(1), r.getInt(2)), ids, ids);
    }

    public void putWebhook(long regionId, String url, byte[] secret, String actor) {
        sql.update("insert into notice_webhook (region_id, url, secret, set_by) values (?, ?, ?, ?) "
                        + "on conflict (region_id) do update set url = excluded.url, secret = excluded.secret, "
                        + "set_by = excluded.set_by, set_at = now()", regionId, url, secret, actor);
    }

    public void removeWebhook(long regionId) {
        sql.update("delete from notice_webhook where region_id = ?", regionId);
    }

    /** The webhook of the nearest region on this path. */
    public Optional<Webhook> webhookFor(List<Long> path) {
        Long[] ids = path.toArray(Long[]::new);
        return sql.one("select region_id, url, secret from notice_webhook where region_id = any (?) "
                + "order by region_path_distance(?, region_id) limit 1", NoticeStore::webhook, ids, ids);
    }

    /** The region's own webhook. */
    public Optional<Webhook> webhook(long regionId) {
        return sql.one("select region_id, url, secret from notice_webhook where region_id = ?", NoticeStore::webhook,
                regionId);
    }

    private static Webhook webhook(ResultSet r) throws SQLException {
        return new Webhook(r.getLong(1), r.getString(2), r.getBytes(3));
    }

    // ---- points about to expire ----

    /** A volunteer under a warning rule with available points: their wallet, home path and the rule's days. */
    public record Warnable(long volunteerId, long walletId, List<Long> homePath, long debitsPosted, int days) {}

    /** Volunteers with ids above {@code afterId} under a warning rule, with points available, in id order. */
    public List<Warnable> warnable(long afterId, int limit) {
        return sql.list("select v.id, a.id, h.path, a.debits_posted, w.days from volunteer v "
                        + "join region h on h.id = v.home_community_id "
                        + "cross join lateral (select r.days from points_expiry_notice_rule r where r.region_id = any (h.path)"
                        + " order by region_path_distance(h.path, r.region_id) limit 1) w "
                        + "join account a on a.owner_type = 'VOLUNTEER' and a.owner_id = v.id and a.asset = 'POINTS'"
                        + " and a.purpose = 'VOLUNTEER_WALLET' "
                        + "where v.id > ? and a.credits_posted > a.debits_posted + a.debits_pending "
                        + " and h.path && (select coalesce(array_agg(region_id), '{}') from points_expiry_notice_rule) "
                        + "order by v.id limit " + limit,
                r -> new Warnable(r.getLong(1), r.getLong(2), List.of((Long[]) r.getArray(3).getArray()), r.getLong(4),
                        r.getInt(5)),
                afterId);
    }
}
