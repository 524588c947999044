package org.timebank.ledger.domain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * A journal transaction about to be written: two or more postings that, per asset and phase,
 * sum to zero. The database checks the same rules again (ledger_post and a commit-time trigger).
 */
public record Entry(TransactionKind kind, String sourceType, String sourceId, String actor, String memo,
                    Integer ruleVersion, Long reversesId, Long resolvesId, List<Posting> postings) {

    public Entry {
        if (kind == null || actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("an entry names its kind and actor");
        }
        postings = List.copyOf(postings);
        if (postings.size() < 2) {
            throw new IllegalArgumentException("an entry has at least two postings");
        }
        Set<String> seen = new HashSet<>();
        for (Posting p : postings) {
            if (!seen.add(p.accountId() + "/" + p.phase())) {
                throw new IllegalArgumentException("account " + p.accountId() + " appears twice in phase " + p.phase());
            }
        }
        if ((kind == TransactionKind.REVERSAL) != (reversesId != null)) {
            throw new IllegalArgumentException("exactly the reversals name the transaction they reverse");
        }
        if (kind.resolvesHold() != (resolvesId != null)) {
            throw new IllegalArgumentException("exactly the hold resolutions name the hold they resolve");
        }
    }

    /** A plain transfer: {@code amount} leaves {@code debitAccount} and reaches {@code creditAccount}. */
    public static Entry transfer(TransactionKind kind, String sourceType, String sourceId, String actor, String memo,
                                 long debitAccount, long creditAccount, long amount) {
        return new Entry(kind, sourceType, sourceId, actor, memo, null, null, null,
                List.of(Posting.debit(debitAccount, amount), Posting.credit(creditAccount, amount)));
    }

    /** True when, per asset and phase, the postings sum to zero. */
    public boolean balances(LongFunction<Asset> assetOf) {
        Map<String, Long> sums = new HashMap<>();
        for (Posting p : postings) {
            Asset asset = assetOf.apply(p.accountId());
            if (asset == null) {
                return false;
            }
            sums.merge(asset + "/" + p.phase(), p.amount(), Math::addExact);
        }
        return sums.values().stream().allMatch(s -> s == 0);
    }
}
