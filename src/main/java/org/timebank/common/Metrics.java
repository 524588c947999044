package org.timebank.common;

import io.quarkus.arc.Arc;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Business counters, exported on /q/metrics with the timebank_ prefix. Inside a transaction a
 * counter moves only when it commits: an attempt that {@link Tx} retries, or one rolled back by a
 * later refusal, counts nothing.
 */
public final class Metrics {
    private Metrics() {}

    /** A problem answered, by its code; counted at once, since the work it refused rolled back. */
    public static void failure(String code) {
        io.micrometer.core.instrument.Metrics.counter("timebank.failures", "code", code).increment();
    }

    public static void posted(String kind, int postings) {
        count("timebank.ledger.transactions", 1, "kind", kind);
        count("timebank.ledger.postings", postings);
    }

    /** Adds {@code amount} to the counter {@code name} with the given tag keys and values, in pairs. */
    public static void count(String name, long amount, String... tags) {
        afterCommit(() -> io.micrometer.core.instrument.Metrics.counter(name, tags).increment(amount));
    }

    private static void afterCommit(Runnable increment) {
        TransactionSynchronizationRegistry registry = Arc.container()
                .instance(TransactionSynchronizationRegistry.class).get();
        int status = registry.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            increment.run();
        } else if (status == Status.STATUS_ACTIVE) {
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int outcome) {
                    if (outcome == Status.STATUS_COMMITTED) {
                        increment.run();
                    }
                }
            });
        }
    }
}
