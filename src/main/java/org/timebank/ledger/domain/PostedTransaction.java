package org.timebank.ledger.domain;

import java.time.OffsetDateTime;

/** What the ledger answers to a posting: the journal transaction's id and when it was written. */
public record PostedTransaction(long id, OffsetDateTime createdAt) {}
