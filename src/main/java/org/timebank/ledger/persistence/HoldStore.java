package org.timebank.ledger.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.timebank.common.Jdbc;
import org.timebank.common.Sql;
import java.time.Duration;
import org.timebank.ledger.domain.Asset;
import org.timebank.ledger.domain.Hold;

/** Two-phase holds: opened beside their pending transaction, locked and resolved exactly once, swept when due. */
@ApplicationScoped
public class HoldStore {
    @Inject
    Jdbc jdbc;
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
        jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select ledger_open_hold(?, ?, ?, ?, ?)")) {
                s.setLong(1, id);
                s.setLong(2, debitAccountId);
                s.setLong(3, creditAccountId);
                s.setLong(4, amount);
                s.setTimestamp(5, Timestamp.from(expiresAt));
                s.executeQuery().close();
                return null;
            }
        });
    }

    public record PendingHolds(Asset asset, long count, long amount) {}

    /** What pending holds reserve now, per asset (of the assets that have any). */
    public List<PendingHolds> pendingHolds() {
        return jdbc.run(c -> {
            // the partial index hold_open_expiry holds exactly the pending holds
            try (PreparedStatement s = c.prepareStatement(
                    "select a.asset, count(*), sum(h.amount) from hold h join account a on a.id = h.debit_account_id "
                            + "where h.status = 'PENDING' group by a.asset")) {
                List<PendingHolds> holds = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        holds.add(new PendingHolds(Asset.valueOf(r.getString(1)), r.getLong(2), r.getLong(3)));
                    }
                }
                return holds;
            }
        });
    }

    /** The hold, locked until the end of the transaction (a hold resolves exactly once). */
    public Optional<Hold> lockHold(long id) {
        return jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select id, debit_account_id, credit_account_id, amount, expires_at, status from ledger_lock_hold(?)")) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.<Hold>empty();
                    }
                    return Optional.of(new Hold(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4),
                            r.getTimestamp(5).toInstant(), Hold.Status.valueOf(r.getString(6))));
                }
            }
        });
    }

    public void markHold(long id, Hold.Status status, Long postedAmount) {
        jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select ledger_resolve_hold(?, ?, ?)")) {
                s.setLong(1, id);
                s.setString(2, status.name());
                Params.setLong(s, 3, postedAmount);
                boolean resolved;
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    resolved = r.getBoolean(1);
                }
                if (!resolved) {
                    throw new IllegalStateException("hold " + id + " was not pending");
                }
                return null;
            }
        });
    }

    /** Pending holds past their expiry, oldest first, skipping those another worker has locked. */
    public List<Long> expiredHolds(int limit) {
        return jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select ledger_expired_holds(?)")) {
                s.setInt(1, limit);
                List<Long> ids = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getLong(1));
                    }
                }
                return ids;
            }
        });
    }
}
