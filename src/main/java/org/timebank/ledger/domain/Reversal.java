package org.timebank.ledger.domain;

import java.util.List;

/** The correcting transaction that undoes a posted one: the same postings with the signs swapped. */
public final class Reversal {
    private Reversal() {}

    public sealed interface Outcome permits Allowed, Refused {}

    public record Allowed(Entry entry) implements Outcome {}

    /**
     * {@code code}: NOT_REVERSIBLE (a reversal, a hold or a hold resolution, which are settled by
     * resolving the hold), or CLAIM_REVERSAL_REQUIRED (an approval, undone through its hour claim).
     */
    public record Refused(String code) implements Outcome {}

    public static Outcome of(long originalId, TransactionKind originalKind, List<Posting> original, String actor,
                             String memo) {
        if (originalKind == TransactionKind.APPROVAL) {
            // a mirror image would leave the claim APPROVED, and could overdraw a wallet already spent from
            return new Refused("CLAIM_REVERSAL_REQUIRED");
        }
        if (originalKind == TransactionKind.REVERSAL || originalKind == TransactionKind.HOLD
                || originalKind.resolvesHold()
                || original.stream().anyMatch(p -> p.phase() != Phase.POSTED)) {
            return new Refused("NOT_REVERSIBLE");
        }
        List<Posting> swapped = original.stream()
                .map(p -> new Posting(p.accountId(), Phase.POSTED, -p.amount()))
                .toList();
        return new Allowed(new Entry(TransactionKind.REVERSAL, "TRANSACTION", Long.toString(originalId), actor, memo,
                null, originalId, null, swapped));
    }
}
