package org.timebank.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import org.timebank.common.Tx;
import org.timebank.ledger.api.Views.AssetTrialBalance;
import org.timebank.ledger.api.Views.BalanceView;
import org.timebank.ledger.api.Views.ChainView;
import org.timebank.ledger.api.Views.TrialBalanceView;
import org.timebank.ledger.api.Views.VerificationView;
import org.timebank.ledger.domain.ChainHash;
import org.timebank.ledger.persistence.AuditStore;

/** The checks an auditor runs: the trial balance and the hash chain, each read in one snapshot. */
@ApplicationScoped
public class LedgerAudit {
    @Inject
    AuditStore store;
    @Inject
    Tx tx;

    public TrialBalanceView trialBalance() {
        return tx.inNew(() -> {
            List<AssetTrialBalance> assets = store.totals().stream().map(t -> {
                long postedNet = t.accounts().creditsPosted() - t.accounts().debitsPosted();
                long pendingNet = t.accounts().creditsPending() - t.accounts().debitsPending();
                boolean balanced = postedNet == 0 && pendingNet == 0 && t.accounts().equals(t.journal());
                return new AssetTrialBalance(t.asset(), BalanceView.of(t.accounts()), BalanceView.of(t.journal()),
                        postedNet, pendingNet, balanced);
            }).toList();
            List<Long> outOfBalance = store.accountsOutOfBalance();
            return new TrialBalanceView(assets, outOfBalance,
                    outOfBalance.isEmpty() && assets.stream().allMatch(AssetTrialBalance::balanced));
        });
    }

    /** Recomputes every sealed link from the journal itself (not from the sealer's SQL) and compares. */
    public VerificationView verify() {
        return tx.inNew(() -> {
            store.repeatableRead(); // the counts and the chain come from one snapshot
            long transactions = store.count("journal_transaction");
            long unsealed = store.count("journal_unsealed");
            long sealed = store.count("journal_chain");
            byte[][] previous = {ChainHash.GENESIS};
            long[] expectedSeq = {1};
            ChainView[] head = {null};
            ChainView[] mismatch = {null};
            Long[] mismatchTransaction = {null};
            store.chain(link -> {
                if (mismatch[0] != null) {
                    return;
                }
                byte[] recomputed = ChainHash.next(previous[0], link.transaction());
                if (link.seq() != expectedSeq[0] || !Arrays.equals(recomputed, link.storedHash())) {
                    mismatch[0] = new ChainView(link.seq(), ChainHash.hex(link.storedHash()));
                    mismatchTransaction[0] = link.transaction().id();
                    return;
                }
                previous[0] = recomputed;
                expectedSeq[0]++;
                head[0] = new ChainView(link.seq(), ChainHash.hex(recomputed));
            });
            long unaccounted = transactions - sealed - unsealed;
            return new VerificationView(mismatch[0] == null && unaccounted == 0, sealed, unsealed, unaccounted,
                    head[0], mismatch[0], mismatchTransaction[0]);
        });
    }
}
