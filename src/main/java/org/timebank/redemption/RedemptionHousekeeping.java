package org.timebank.redemption;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.timebank.common.Tx;

/**
 * Reflects expired holds (LedgerHousekeeping.expireHolds) in their redemptions and puts the items
 * back on the shelf. Safe on every replica at once: rows are taken with SKIP LOCKED.
 */
@ApplicationScoped
public class RedemptionHousekeeping {
    static final int BATCH = 100;

    @Inject
    RedemptionService redemptions;
    @Inject
    Tx tx;

    @Scheduled(every = "${timebank.redemption.sweep-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweepOnSchedule() {
        sweepExpired();
    }

    /** Marks held redemptions whose hold expired as EXPIRED; returns how many. */
    public int sweepExpired() {
        int total = 0;
        int n;
        do {
            n = tx.inNew(() -> redemptions.sweepExpired(BATCH));
            total += n;
        } while (n == BATCH);
        return total;
    }
}
