package org.timebank.common;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Buckets for the HTTP server's request timer, so that Prometheus can compute latency quantiles
 * per route (histogram_quantile) across replicas. A few fixed bounds rather than Micrometer's
 * default histogram of some seventy: the series count grows with routes times statuses.
 */
public class HttpLatencyBuckets {
    static final String TIMER = "http.server.requests";

    @Produces
    @Singleton
    MeterFilter httpLatencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!TIMER.equals(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(millis(5), millis(10), millis(25), millis(50), millis(100),
                                millis(250), millis(500), millis(1000), millis(2500), millis(5000))
                        .build().merge(config);
            }
        };
    }

    private static double millis(long ms) {
        return Duration.ofMillis(ms).toNanos();
    }
}
