package org.timebank.common;

import io.quarkus.arc.Arc;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Something to do only once the current transaction has committed (at once outside one): moving a
 * counter, remembering a row in memory. A transaction that rolls back does nothing of it.
 */
public final class AfterCommit {
    private AfterCommit() {}

    public static void run(Runnable action) {
        TransactionSynchronizationRegistry registry = Arc.container()
                .instance(TransactionSynchronizationRegistry.class).get();
        int status = registry.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            action.run();
        } else if (status == Status.STATUS_ACTIVE) {
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int outcome) {
                    if (outcome == Status.STATUS_COMMITTED) {
                        action.run();
                    }
                }
            });
        }
    }
}
