package org.timebank.leaderboard;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.timebank.common.Tx;
import org.timebank.leaderboard.persistence.LeaderboardStore;

/**
 * Folds approvals into the boards every second, and drops past periods hourly. A second is the
 * finest period Quarkus's scheduler keeps (it checks its triggers once a second).
 */
@ApplicationScoped
public class LeaderboardJob {
    static final int BATCH = 1000;

    @Inject
    LeaderboardStore store;
    @Inject
    Tx tx;

    @Scheduled(every = "${timebank.leaderboards.fold-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void foldOnSchedule() {
        fold();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purgeOnSchedule() {
        purge();
    }

    /** Drops the rows of periods no board shows any more; returns how many score rows. */
    public int purge() {
        return tx.inNew(store::purge);
    }

    /** Folds every pending delta, a batch per transaction; returns how many. */
    public int fold() {
        return tx.drain(BATCH, () -> store.fold(BATCH));
    }
}
