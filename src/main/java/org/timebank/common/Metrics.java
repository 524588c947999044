package org.timebank.common;

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
        AfterCommit.run(() -> io.micrometer.core.instrument.Metrics.counter(name, tags).increment(amount));
    }
}
