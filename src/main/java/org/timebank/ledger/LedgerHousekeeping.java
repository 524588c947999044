package org.timebank.ledger;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.timebank.common.Idempotency;
import org.timebank.common.Metrics;
import org.timebank.common.Tx;
import org.timebank.ledger.persistence.AccountStore;
import org.timebank.ledger.persistence.AuditStore;

/**
 * The background work of the ledger; each step is safe to run on every replica at once (advisory
 * locks and SKIP LOCKED keep them from doing the same work twice).
 */
@ApplicationScoped
public class LedgerHousekeeping {
    /**
     * Small enough that a batch finishes well inside the transaction timeout even on a bloated queue:
     * at 5,000, a backlog on a database without autovacuum took over 60 s per batch, was cancelled,
     * and was retried forever (README "Benchmark").
     */
    static final int BATCH = 1000;
    static final int HOLD_BATCH = 100;

    @Inject
    AuditStore audit;
    @Inject
    AccountStore accounts;
    @Inject
    LedgerService ledger;
    @Inject
    Idempotency idempotency;
    @Inject
    Tx tx;

    @Scheduled(every = "${timebank.ledger.seal-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sealOnSchedule() {
        seal();
    }

    @Scheduled(every = "${timebank.ledger.fold-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void foldOnSchedule() {
        foldDeltas();
    }

    @Scheduled(every = "${timebank.ledger.hold-expiry-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void expireOnSchedule() {
        expireHolds();
    }

    /** Appends committed transactions to the hash chain; returns how many it sealed. */
    public int seal() {
        return tx.drain(BATCH, () -> audit.seal(BATCH));
    }

    /** Folds the deltas of unchecked (hot) accounts into their rows; returns how many. */
    public int foldDeltas() {
        return tx.drain(BATCH, () -> accounts.foldDeltas(BATCH));
    }

    /** Expires pending holds whose time is up; returns how many. */
    public int expireHolds() {
        int total = tx.drain(HOLD_BATCH, () -> ledger.expireDueHolds(HOLD_BATCH));
        if (total > 0) {
            Metrics.count("timebank.ledger.holds.expired", total);
        }
        return total;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purgeIdempotencyKeys() {
        idempotency.purgeExpired();
    }
}
