package org.timebank.servicerequest;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.timebank.common.Tx;

/**
 * Escalates accepted requests not confirmed in time to staff, and ends requests whose hold the
 * ledger expired (LedgerHousekeeping.expireHolds) as EXPIRED. Neither posts nor releases anything.
 * Safe on every replica at once: rows are taken with SKIP LOCKED.
 */
@ApplicationScoped
public class ServiceRequestHousekeeping {
    static final int BATCH = 100;

    @Inject
    ServiceRequestService requests;
    @Inject
    Tx tx;

    @Scheduled(every = "${timebank.service-requests.sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweepOnSchedule() {
        escalate(Instant.now());
        sweepExpired();
    }

    /** Escalates what is due as of {@code now}; returns how many. */
    public int escalate(Instant now) {
        return tx.drain(BATCH, () -> requests.escalateDue(now, BATCH));
    }

    public int sweepExpired() {
        return tx.drain(BATCH, () -> requests.sweepExpired(BATCH));
    }
}
