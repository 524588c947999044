package org.timebank.ledger.domain;

/**
 * Every account a volunteer holds: the wallets, and the debt accounts a reversal charges what the
 * wallets no longer hold to.
 */
public record VolunteerAccounts(Wallets wallets, long hoursDebtAccountId, long pointsDebtAccountId) {}
