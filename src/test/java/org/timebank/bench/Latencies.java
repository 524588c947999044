package org.timebank.bench;

import java.util.Arrays;

/**
 * Latencies of completed requests, in nanoseconds, every one of them kept: percentiles are read
 * exactly from the sorted samples (nearest rank), not estimated from buckets.
 */
final class Latencies {
    private long[] samples = new long[4096];
    private int size;

    void add(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            add(other.samples[i]);
        }
    }

    int count() {
        return size;
    }

    /** The sorted samples (a copy). */
    long[] sorted() {
        long[] s = Arrays.copyOf(samples, size);
        Arrays.sort(s);
        return s;
    }

    /**
     * The nearest-rank percentile of sorted samples: the smallest sample such that at least
     * {@code p} percent of the samples are at or below it. NaN when there are none.
     */
    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        if (p <= 0) {
            return sorted[0];
        }
        // p * n first: for whole p that product is exact, so 99% of 100 samples is rank 99, not 100
        int rank = (int) Math.ceil(p * sorted.length / 100.0);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    /** p50, p95 and p99 in milliseconds. */
    Summary summary() {
        long[] s = sorted();
        return new Summary(percentile(s, 50) / 1e6, percentile(s, 95) / 1e6, percentile(s, 99) / 1e6);
    }

    record Summary(double p50Ms, double p95Ms, double p99Ms) {}
}
