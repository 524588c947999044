package org.timebank.ledger.domain;

import java.time.OffsetDateTime;
import java.util.List;

/** One transaction of an account history, with the postings on the accounts asked about only. */
public record HistoryEntry(long id, TransactionKind kind, String sourceType, String sourceId, String memo,
                           String actor, OffsetDateTime createdAt, List<AccountPosting> postings) {}
