package org.timebank.auth.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.timebank.common.Sql;

/** WeChat bindings, their audit, binding tickets and refresh tokens (V14_1). */
@ApplicationScoped
public class SignInStore {
    @Inject
    Sql sql;

    public record Ticket(String openid, String unionid, boolean usable) {}

    public record Refresh(UUID family, long volunteerId, boolean used, boolean usable) {}

    public Optional<Long> volunteerOf(String openid) {
        return sql.one("select volunteer_id from wechat_binding where openid = ?", r -> r.getLong(1), openid);
    }

    public Optional<String> openidOf(long volunteerId) {
        return sql.one("select openid from wechat_binding where volunteer_id = ?", r -> r.getString(1), volunteerId);
    }

    /** Binds and records it; false when the openid or the volunteer is bound already (nothing written). */
    public boolean bind(String openid, String unionid, long volunteerId, String method, String actor) {
        int n = sql.update("insert into wechat_binding (openid, unionid, volunteer_id, bound_by) values (?, ?, ?, ?) "
                + "on conflict do nothing", openid, unionid, volunteerId, actor);
        if (n == 0) {
            return false;
        }
        sql.update("insert into wechat_binding_event (action, method, openid, volunteer_id, actor) "
                + "values ('BIND', ?, ?, ?, ?)", method, openid, volunteerId, actor);
        return true;
    }

    /** Unbinds the volunteer and records it; the openid it was bound to, if it was. */
    public Optional<String> unbind(long volunteerId, String actor) {
        Optional<String> openid = sql.one("delete from wechat_binding where volunteer_id = ? returning openid",
                r -> r.getString(1), volunteerId);
        openid.ifPresent(o -> sql.update("insert into wechat_binding_event (action, method, openid, volunteer_id, actor) "
                + "values ('UNBIND', 'STAFF', ?, ?, ?)", o, volunteerId, actor));
        return openid;
    }

    public void addTicket(byte[] hash, String openid, String unionid, Instant expiresAt) {
        sql.update("insert into wechat_binding_ticket (ticket_hash, openid, unionid, expires_at) values (?, ?, ?, ?)",
                hash, openid, unionid, expiresAt);
    }

    /** The ticket, locked when {@code lock} (to spend it); usable while unused and unexpired. */
    public Optional<Ticket> ticket(byte[] hash, boolean lock) {
        return sql.one("select openid, unionid, used_at is null and expires_at > now() from wechat_binding_ticket "
                + "where ticket_hash = ?" + (lock ? " for update" : ""),
                r -> new Ticket(r.getString(1), r.getString(2), r.getBoolean(3)), hash);
    }

    public void spendTicket(byte[] hash) {
        sql.update("update wechat_binding_ticket set used_at = now() where ticket_hash = ?", hash);
    }

    public void addRefresh(byte[] hash, UUID family, long volunteerId, Instant expiresAt) {
        sql.update("insert into refresh_token (token_hash, family, volunteer_id, expires_at) values (?, ?, ?, ?)",
                hash, family, volunteerId, expiresAt);
    }

    /** The refresh token, locked; usable while unused, unrevoked and unexpired. */
    public Optional<Refresh> refresh(byte[] hash) {
        return sql.one("select family, volunteer_id, used_at is not null, "
                + "used_at is null and revoked_at is null and expires_at > now() "
                + "from refresh_token where token_hash = ? for update",
                r -> new Refresh(r.getObject(1, UUID.class), r.getLong(2), r.getBoolean(3), r.getBoolean(4)), hash);
    }

    public void spendRefresh(byte[] hash) {
        sql.update("update refresh_token set used_at = now() where token_hash = ?", hash);
    }

    public void revokeFamily(UUID family) {
        sql.update("update refresh_token set revoked_at = now() where family = ? and revoked_at is null", family);
    }

    public void revokeAll(long volunteerId) {
        sql.update("update refresh_token set revoked_at = now() where volunteer_id = ? and revoked_at is null",
                volunteerId);
    }

    /**
     * Deletes up to {@code limit} binding tickets that expired before {@code before}; how many. One
     * purge at a time per schema (a transaction advisory lock, as the ledger's jobs take), and rows a
     * sign-in holds are skipped: 0 while another replica purges.
     */
    public int purgeTickets(Instant before, int limit) {
        if (!jobLock("auth_purge_tickets")) {
            return 0;
        }
        return sql.update("delete from wechat_binding_ticket where ticket_hash in (select ticket_hash "
                + "from wechat_binding_ticket where expires_at < ? limit " + limit + " for update skip locked)", before);
    }

    /**
     * Deletes up to {@code limit} refresh tokens that expired or were revoked before {@code before};
     * how many. A used token that is neither stays until then: presented again, it reveals a leak
     * and revokes its family. Locked as {@link #purgeTickets}.
     */
    public int purgeRefreshTokens(Instant before, int limit) {
        if (!jobLock("auth_purge_refresh_tokens")) {
            return 0;
        }
        return sql.update("delete from refresh_token where token_hash in (select token_hash from refresh_token "
                + "where expires_at < ? or revoked_at < ? limit " + limit + " for update skip locked)", before, before);
    }

    private boolean jobLock(String job) {
        return sql.single("select pg_try_advisory_xact_lock(hashtext(current_schema() || '.' || ?))",
                r -> r.getBoolean(1), job);
    }

    /** The region whose self-registration rule applies to this one (the nearest on its path), and the rule. */
    public record SelfRegistrationRule(long regionId, boolean allowed) {}

    public Optional<SelfRegistrationRule> selfRegistrationInForce(long regionId) {
        return sql.one("select sr.region_id, sr.allowed from region r "
                + "join self_registration_rule sr on sr.region_id = any (r.path) "
                + "where r.id = ? order by region_path_distance(r.path, sr.region_id) limit 1",
                r -> new SelfRegistrationRule(r.getLong(1), r.getBoolean(2)), regionId);
    }

    public void putSelfRegistration(long regionId, boolean allowed, String actor) {
        sql.update("insert into self_registration_rule (region_id, allowed, set_by) values (?, ?, ?) "
                + "on conflict (region_id) do update set allowed = excluded.allowed, set_by = excluded.set_by, "
                + "set_at = now()", regionId, allowed, actor);
    }
}
