package org.timebank.ledger.domain;

/** Why a journal transaction exists. */
public enum TransactionKind {
    OPENING_BALANCE, ADJUSTMENT, REVERSAL, HOLD, HOLD_POST, HOLD_VOID, HOLD_EXPIRY,
    /** An hour claim's final approval: minutes and points from the community to the volunteer. */
    APPROVAL,
    /** A community fund pays points into the community's budget. */
    BUDGET_FUNDING,
    /** A volunteer spends points at a shop: wallet to the shop's settlement account. */
    REDEMPTION,
    /** A shop gives back points of a redemption: settlement account to the wallet. */
    REFUND,
    /** A volunteer gives points or hours to another volunteer: wallet to wallet. */
    GIFT,
    /** A volunteer gives points or hours to a community's pool. */
    DONATION,
    /** Staff pay points or hours out of a community's pool to a volunteer. */
    GRANT,
    /** Points unspent N months after they were earned: wallet to the POINTS breakage account. */
    EXPIRY;

    public boolean resolvesHold() {
        return this == HOLD_POST || this == HOLD_VOID || this == HOLD_EXPIRY;
    }
}
