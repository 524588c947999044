package org.timebank.ledger;

import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The sampled gauges of {@link LedgerGauges}.
 * Unremovable: the scheduler reads {@code ${timebank.metrics.sample-every}} by name, and Quarkus
 * registers a mapping, its defaults with it, only where a bean injects it or it is unremovable.
 */
@ConfigMapping(prefix = "timebank.metrics")
@Unremovable
public interface MetricsConfig {
    /** How often the pending-holds gauges are read from the database (read by the scheduler); {@code off} stops it. */
    @WithDefault("15s")
    String sampleEvery();
}
