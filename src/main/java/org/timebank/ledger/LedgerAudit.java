package org.timebank.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.timebank.common.Tx;
import org.timebank.ledger.domain.ChainHash;
import org.timebank.ledger.domain.ChainVerification;
import org.timebank.ledger.domain.ChainVerification.CheckpointCheck;
import org.timebank.ledger.domain.ChainVerification.Link;
import org.timebank.ledger.domain.ChainVerification.Outcome;
import org.timebank.ledger.domain.Checkpoint;
import org.timebank.ledger.domain.TrialBalance;
import org.timebank.ledger.persistence.AuditStore;

/** The checks an auditor runs: the trial balance and the hash chain, each read in one snapshot. */
@ApplicationScoped
public class LedgerAudit {
    @Inject
    AuditStore store;
    @Inject
    LedgerCheckpoints checkpoints;
    @Inject
    Tx tx;

    public TrialBalance trialBalance() {
        return tx.inNew(() -> {
            List<TrialBalance.OfAsset> assets = store.totals().stream().map(t -> {
                long postedNet = t.accounts().creditsPosted() - t.accounts().debitsPosted();
                long pendingNet = t.accounts().creditsPending() - t.accounts().debitsPending();
                boolean balanced = postedNet == 0 && pendingNet == 0 && t.accounts().equals(t.journal());
                return new TrialBalance.OfAsset(t.asset(), t.accounts(), t.journal(), postedNet, pendingNet, balanced);
            }).toList();
            List<Long> outOfBalance = store.accountsOutOfBalance();
            return new TrialBalance(assets, outOfBalance,
                    outOfBalance.isEmpty() && assets.stream().allMatch(TrialBalance.OfAsset::balanced));
        });
    }

    /** {@link #verify(Long, byte[])} without a checkpoint of the caller's. */
    public ChainVerification verify() {
        return verify(null, null);
    }

    /**
     * Recomputes every sealed link from the journal itself (not from the sealer's SQL) and compares
     * it with the stored hash, with the stored signed checkpoints, and with the checkpoint the caller
     * supplies (its link {@code checkpointSeq} must recompute to {@code checkpointHash}). A rewrite of
     * history that recomputed the whole chain passes the first comparison, not the others.
     */
    public ChainVerification verify(Long checkpointSeq, byte[] checkpointHash) {
        return tx.inNew(() -> {
            store.repeatableRead(); // the counts, the checkpoints and the chain come from one snapshot
            long transactions = store.count("journal_transaction");
            long unsealed = store.count("journal_unsealed");
            long sealed = store.count("journal_chain");
            Map<Long, Checkpoint> signed = new HashMap<>();
            List<CheckpointCheck> failures = new ArrayList<>();
            for (Checkpoint c : checkpoints.all()) {
                if (checkpoints.verifies(c)) {
                    signed.put(c.seq(), c);
                } else {
                    failures.add(new CheckpointCheck(c.seq(), ChainHash.hex(c.hash()), Outcome.SIGNATURE_INVALID));
                }
            }
            long[] checked = {0};
            CheckpointCheck[] supplied = {null};
            byte[][] previous = {ChainHash.GENESIS};
            long[] expectedSeq = {1};
            Link[] head = {null};
            Link[] mismatch = {null};
            Long[] mismatchTransaction = {null};
            store.chain(link -> {
                if (mismatch[0] != null) {
                    return;
                }
                byte[] recomputed = ChainHash.next(previous[0], link.transaction());
                if (link.seq() != expectedSeq[0] || !Arrays.equals(recomputed, link.storedHash())) {
                    mismatch[0] = new Link(link.seq(), ChainHash.hex(link.storedHash()));
                    mismatchTransaction[0] = link.transaction().id();
                    return;
                }
                Checkpoint c = signed.remove(link.seq());
                if (c != null) {
                    if (Arrays.equals(recomputed, c.hash())) {
                        checked[0]++;
                    } else {
                        failures.add(new CheckpointCheck(c.seq(), ChainHash.hex(c.hash()), Outcome.DIFFERS));
                    }
                }
                if (checkpointSeq != null && link.seq() == checkpointSeq) {
                    supplied[0] = new CheckpointCheck(checkpointSeq, ChainHash.hex(checkpointHash),
                            Arrays.equals(recomputed, checkpointHash) ? Outcome.MATCHES : Outcome.DIFFERS);
                }
                previous[0] = recomputed;
                expectedSeq[0]++;
                head[0] = new Link(link.seq(), ChainHash.hex(recomputed));
            });
            if (mismatch[0] == null) {
                // checkpoints of links the chain no longer has: it was cut short
                signed.values().forEach(c -> failures.add(new CheckpointCheck(c.seq(), ChainHash.hex(c.hash()),
                        Outcome.NOT_SEALED)));
                if (checkpointSeq != null && supplied[0] == null) {
                    supplied[0] = new CheckpointCheck(checkpointSeq, ChainHash.hex(checkpointHash), Outcome.NOT_SEALED);
                }
            }
            failures.sort(Comparator.comparingLong(CheckpointCheck::seq));
            long unaccounted = transactions - sealed - unsealed;
            boolean valid = mismatch[0] == null && unaccounted == 0 && failures.isEmpty()
                    && (supplied[0] == null || supplied[0].outcome() == Outcome.MATCHES);
            return new ChainVerification(valid, sealed, unsealed, unaccounted, head[0], mismatch[0],
                    mismatchTransaction[0], checked[0], List.copyOf(failures.subList(0, Math.min(10, failures.size()))),
                    supplied[0]);
        });
    }
}
