package org.timebank.hours.domain;

import java.time.OffsetDateTime;
import org.timebank.ledger.domain.TransactionKind;

/**
 * One payment between the community fund and a budget: a funding, or a reversal taking one back
 * ({@code points} negative).
 */
public record BudgetFundingEntry(long transactionId, TransactionKind kind, long points, String memo, String actor,
                                 OffsetDateTime createdAt) {}
