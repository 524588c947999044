package org.timebank.ledger.domain;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A journal transaction read back whole: its postings, the transaction that reverses it (if any)
 * and its link in the hash chain (absent until sealed).
 */
public record JournalTransaction(long id, TransactionKind kind, String sourceType, String sourceId, String actor,
                                 String memo, Integer ruleVersion, Long reversesId, Long reversedById, Long resolvesId,
                                 OffsetDateTime createdAt, List<AccountPosting> postings, Long chainSeq, byte[] hash) {

    /** The postings as they were written, to mirror or to inspect. */
    public List<Posting> entryPostings() {
        return postings.stream().map(AccountPosting::posting).toList();
    }
}
