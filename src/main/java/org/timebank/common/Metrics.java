package org.timebank.common;

import io.micrometer.core.instrument.Counter;

/** Business counters, exported on /q/metrics with the timebank_ prefix. */
public final class Metrics {
    private Metrics() {}

    public static void failure(String code) {
        io.micrometer.core.instrument.Metrics.counter("timebank.failures", "code", code).increment();
    }

    public static void posted(String kind, int postings) {
        io.micrometer.core.instrument.Metrics.counter("timebank.ledger.transactions", "kind", kind).increment();
        Counter postingCounter = io.micrometer.core.instrument.Metrics.counter("timebank.ledger.postings");
        postingCounter.increment(postings);
    }

    public static void count(String name, long amount) {
        io.micrometer.core.instrument.Metrics.counter(name).increment(amount);
    }
}
