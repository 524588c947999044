package org.timebank.ledger;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.timebank.common.Metrics;
import org.timebank.common.Tx;
import org.timebank.ledger.domain.Checkpoint;
import org.timebank.ledger.domain.CheckpointKeys;
import org.timebank.ledger.persistence.CheckpointStore;

/**
 * Signs the hash chain's head now and then and publishes the checkpoints (README "Checkpoints").
 * Safe on every replica at once: a link is signed once (the second insert does nothing).
 */
@ApplicationScoped
public class LedgerCheckpoints {
    private final CheckpointKeys keys;

    @Inject
    CheckpointStore store;
    @Inject
    Tx tx;

    @Inject
    public LedgerCheckpoints(CheckpointConfig config) {
        this.keys = new CheckpointKeys(config.signingKey(), config.publicKey(),
                config.previousPublicKeys().orElse(List.of()));
    }

    @Scheduled(every = "${timebank.ledger.checkpoints.every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void signOnSchedule() {
        signHead();
    }

    /** Signs the chain's last sealed link unless it is signed already; the new checkpoint, if any. */
    public Optional<Checkpoint> signHead() {
        Optional<Checkpoint> signed = tx.inNew(() -> store.unsignedHead()
                .map(head -> keys.sign(head.seq(), head.hash(), Instant.now()))
                .filter(store::insert));
        signed.ifPresent(c -> Metrics.count("timebank.ledger.checkpoints.signed", 1));
        return signed;
    }

    /** Newest first, below {@code beforeSeq} when given. */
    public List<Checkpoint> page(Long beforeSeq, int limit) {
        return tx.inNew(() -> store.page(beforeSeq, limit));
    }

    public Optional<Checkpoint> latest() {
        return page(null, 1).stream().findFirst();
    }

    public List<Checkpoint> all() {
        return store.all();
    }

    public boolean verifies(Checkpoint c) {
        return keys.verifies(c);
    }

    public List<CheckpointKeys.PublishedKey> keys() {
        return keys.published();
    }
}
