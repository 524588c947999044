package org.timebank.security;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.timebank.common.ApiException;
import org.timebank.common.Sql;
import org.timebank.common.SqlErrors;
import org.timebank.common.Tx;

/**
 * Limits failed attempts at a secret code (a venue's check-in code, a volunteer's payment code),
 * so that nobody finds a code by trying: once a limit's failures are spent, every attempt, the
 * right code included, is a 429 TOO_MANY_ATTEMPTS with {@code Retry-After} until the window that
 * opened at the first failure has ended. Otherwise brute force would still work: guess past the
 * limit and watch for the one answer that is not a refusal.
 *
 * <p>Only failures count (the codes the caller names: a wrong or expired code), so people who type
 * their code right are never slowed down, and a success writes nothing. The counters are rows of
 * {@code attempt_counter} in PostgreSQL, so the limits hold across replicas. A failure is counted
 * in a transaction of its own after the attempt's has rolled back, so that the refusal which undoes
 * everything else does not undo its own count.
 *
 * <p>The limit is read before the attempt and a failure counted after it, without a lock between:
 * a success stays a read, even at a shop whose tills all count against one row. Attempts already
 * under way when the last allowed failure is counted are still answered, so a burst can exceed a
 * limit by as many attempts as it has in flight at that moment (every one of them counted); after
 * that, all are refused until the window ends.
 */
@ApplicationScoped
public class AttemptLimiter {
    private static final Logger LOG = Logger.getLogger(AttemptLimiter.class);
    static final int PURGE_BATCH = 1000;

    /** At most {@code maxFailures} failed attempts per {@code window}, counted for one key of a scope. */
    public record Limit(String scope, String key, int maxFailures, Duration window) {}

    private record Spent(long failures, long secondsLeft) {}

    @Inject
    Tx tx;
    @Inject
    Sql sql;

    /**
     * Runs {@code attempt} unless one of {@code limits} is spent, and counts it against all of them
     * when it fails with a problem whose code is one of {@code failureCodes}.
     *
     * @throws ApiException 429 TOO_MANY_ATTEMPTS, retry after the seconds until the last of the spent
     *                      limits' windows ends
     */
    public <T> T guard(List<Limit> limits, Set<String> failureCodes, Supplier<T> attempt) {
        if (limits.isEmpty()) {
            return attempt.get();
        }
        refuseIfSpent(limits);
        try {
            return attempt.get();
        } catch (RuntimeException e) {
            ApiException problem = SqlErrors.problemOf(e);
            if (problem != null && failureCodes.contains(problem.code())) {
                countFailure(limits);
            }
            throw e;
        }
    }

    private void refuseIfSpent(List<Limit> limits) {
        Map<String, Spent> counters = tx.inNew(() -> read(limits));
        long wait = 0;
        for (Limit limit : limits) {
            Spent counted = counters.get(id(limit.scope(), limit.key()));
            if (counted != null && counted.failures() >= limit.maxFailures()) {
                wait = Math.max(wait, Math.max(1, counted.secondsLeft()));
            }
        }
        if (wait > 0) {
            throw new ApiException(429, "TOO_MANY_ATTEMPTS", Long.toString(wait)).retryAfter(wait);
        }
    }

    private Map<String, Spent> read(List<Limit> limits) {
        List<Object> args = new ArrayList<>();
        for (Limit limit : limits) {
            args.add(limit.scope());
            args.add(limit.key());
        }
        Map<String, Spent> counters = new HashMap<>();
        sql.list("select scope, key, failures, "
                        + "ceil(extract(epoch from window_ends_at - now()))::bigint from attempt_counter "
                        + "where (scope, key) in (" + placeholders(limits.size(), "(?, ?)") + ") and window_ends_at > now()",
                r -> counters.put(id(r.getString(1), r.getString(2)), new Spent(r.getLong(3), r.getLong(4))),
                args.toArray());
        return counters;
    }

    private void countFailure(List<Limit> limits) {
        // one statement, rows in a fixed order: concurrent counts of the same keys queue, never deadlock
        List<Limit> ordered = limits.stream()
                .sorted(Comparator.comparing(Limit::scope).thenComparing(Limit::key)).toList();
        try {
            List<Object> args = new ArrayList<>();
            for (Limit limit : ordered) {
                args.add(limit.scope());
                args.add(limit.key());
                args.add(limit.window().toMillis() / 1000.0);
            }
            tx.inNew(() -> sql.update("insert into attempt_counter as a (scope, key, failures, window_ends_at) values "
                    + placeholders(ordered.size(), "(?, ?, 1, now() + make_interval(secs => ?))")
                    + " on conflict (scope, key) do update set "
                    + "failures = case when a.window_ends_at > now() then a.failures + 1 else 1 end, "
                    + "window_ends_at = case when a.window_ends_at > now() then a.window_ends_at "
                    + "else excluded.window_ends_at end", args.toArray()));
        } catch (RuntimeException e) {
            // the caller still gets the refusal of their code; this failure merely goes uncounted
            LOG.warn("a failed attempt could not be counted", e);
        }
    }

    @Scheduled(every = "${timebank.rate-limits.purge-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purgeOnSchedule() {
        purge();
    }

    /**
     * Deletes the counters whose window has ended (a failure after it would open a new one anyway);
     * returns how many. Safe on every replica at once: rows are taken with SKIP LOCKED.
     */
    public int purge() {
        return tx.drain(PURGE_BATCH, () -> sql.update("delete from attempt_counter where (scope, key) in "
                + "(select scope, key from attempt_counter where window_ends_at <= now() "
                + "limit " + PURGE_BATCH + " for update skip locked)"));
    }

    private static String id(String scope, String key) {
        return scope + '\n' + key;
    }

    private static String placeholders(int n, String one) {
        return String.join(", ", Collections.nCopies(n, one));
    }
}
