package org.timebank.common;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs a unit of work in its own transaction and retries it, whole, when PostgreSQL reports a
 * serialization failure or a deadlock (SQLSTATE 40001 / 40P01). The work must be free of side
 * effects outside the database, since it may run more than once. Writes the work {@link Sql#defer
 * deferred} are sent before the commit, in one round trip.
 */
@ApplicationScoped
public class Tx {
    @Inject
    TransactionConfig config;
    @Inject
    Sql sql;

    public <T> T inNew(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    T result = work.get();
                    // the work's deferred writes go now, so that their failure is the work's
                    sql.flush();
                    return result;
                });
            } catch (RuntimeException e) {
                if (attempt >= config.maxAttempts() || !SqlErrors.isRetryable(e)) {
                    throw e;
                }
                Metrics.count("timebank.transaction.retries", 1);
                backoff(attempt);
            }
        }
    }

    /**
     * Runs {@code batch} (which returns how much it did, at most {@code size}) in transactions of its
     * own until one comes back short of {@code size}; returns the sum. For the background jobs that
     * drain a queue.
     */
    public int drain(int size, Supplier<Integer> batch) {
        int total = 0;
        int n;
        do {
            n = inNew(batch);
            total += n;
        } while (n == size);
        return total;
    }

    private static void backoff(int attempt) {
        long ceiling = Math.min(200, 5L << attempt);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "SERVICE_BUSY");
        }
    }
}
