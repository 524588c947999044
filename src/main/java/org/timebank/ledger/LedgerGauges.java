package org.timebank.ledger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.timebank.common.Tx;
import org.timebank.ledger.domain.Asset;
import org.timebank.ledger.persistence.HoldStore;

/**
 * Gauges of the ledger's state, sampled on a timer rather than queried on every scrape, so that
 * Prometheus (and every replica it scrapes) adds no load on the database beyond one small query
 * per interval. Every replica reports the same database-wide value: aggregate with max, not sum.
 */
@ApplicationScoped
public class LedgerGauges {
    private final Map<Asset, AtomicLong> pendingHolds = new EnumMap<>(Asset.class);
    private final Map<Asset, AtomicLong> pendingAmount = new EnumMap<>(Asset.class);

    LedgerGauges() {
        for (Asset asset : Asset.values()) {
            pendingHolds.put(asset, new AtomicLong());
            pendingAmount.put(asset, new AtomicLong());
        }
    }

    @Inject
    HoldStore holds;
    @Inject
    Tx tx;

    void register(@Observes StartupEvent start, MeterRegistry registry) {
        for (Asset asset : Asset.values()) {
            Gauge.builder("timebank.ledger.holds.pending", pendingHolds.get(asset), AtomicLong::get)
                    .tag("asset", asset.name()).description("pending holds, as of the last sample")
                    .register(registry);
            Gauge.builder("timebank.ledger.holds.pending.amount", pendingAmount.get(asset), AtomicLong::get)
                    .tag("asset", asset.name())
                    .description("what pending holds reserve (minutes or points), as of the last sample")
                    .register(registry);
        }
    }

    @Scheduled(every = "${timebank.metrics.sample-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sampleOnSchedule() {
        sample();
    }

    /** Reads the pending holds and sets the gauges. */
    public void sample() {
        Map<Asset, HoldStore.PendingHolds> now = new EnumMap<>(Asset.class);
        tx.inNew(holds::pendingHolds).forEach(h -> now.put(h.asset(), h));
        for (Asset asset : Asset.values()) {
            HoldStore.PendingHolds h = now.get(asset);
            pendingHolds.get(asset).set(h == null ? 0 : h.count());
            pendingAmount.get(asset).set(h == null ? 0 : h.amount());
        }
    }
}
