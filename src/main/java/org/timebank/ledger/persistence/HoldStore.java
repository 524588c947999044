package org.timebank.ledger.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.timebank.common.Sql;
import java.time.Duration;
import org.timebank.ledger.domain.Asset;
import org.timebank.ledger.domain.Hold;

/** Two-phase holds: opened beside their pending transaction, locked and resolved exactly once, swept when due. */
@ApplicationScoped
public class HoldStore {
    @Inject
    Sql sql;

    /**
     * Opens the hold of a pending posting with the transaction's next round trip (see {@link
     * Sql#defer}), expiring {@code timeout} after the database's clock when it is written.
     */
    public void openHoldLater(long id, long debitAccountId, long creditAccountId, long amount, Duration timeout) {
        sql.defer("select ledger_open_hold(?, ?, ?, ?, clock_timestamp() + ? * interval '1 millisecond')", id,
                debitAccountId, creditAccountId, amount, timeout.toMillis());
    }

    public void insertHold(long id, long debitAccountId, long creditAccountId, long amount, Instant expiresAt) {
        sql.single("select ledger_open_hold(?, ?, ?, ?, ?)", r -> 1, id, debitAccountId, creditAccountId, amount, expiresAt);
    }

    public record PendingHolds(Asset asset, long count, long amount) {}

    /** What pending holds reserve now, per asset (of the assets that have any). */
    public List<PendingHolds> pendingHolds() {
        // the partial index hold_open_expiry holds exactly the pending holds
        return sql.list("select a.asset, count(*), sum(h.amount) from hold h join account a on a.id = h.debit_account_id "
                        + "where h.status = 'PENDING' group by a.asset",
                r -> new PendingHolds(Asset.valueOf(r.getString(1)), r.getLong(2), r.getLong(3)));
    }

    /** The hold, locked until the end of the transaction (a hold resolves exactly once). */
    public Optional<Hold> lockHold(long id) {
        return sql.one("select id, debit_account_id, credit_account_id, amount, expires_at, status from ledger_lock_hold(?)",
                r -> new Hold(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getTimestamp(5).toInstant(),
                        Hold.Status.valueOf(r.getString(6))), id);
    }

    public void markHold(long id, Hold.Status status, Long postedAmount) {
        boolean resolved = sql.single("select ledger_resolve_hold(?, ?, ?)", r -> r.getBoolean(1), id, status.name(),
                Sql.bigint(postedAmount));
        if (!resolved) {
            throw new IllegalStateException("hold " + id + " was not pending");
        }
    }

    /** Pending holds past their expiry, oldest first, skipping those another worker has locked. */
    public List<Long> expiredHolds(int limit) {
        return sql.list("select ledger_expired_holds(?)", r -> r.getLong(1), limit);
    }

}
