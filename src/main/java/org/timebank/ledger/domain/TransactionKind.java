package org.timebank.ledger.domain;

/** Why a journal transaction exists. */
public enum TransactionKind {
    OPENING_BALANCE, ADJUSTMENT, REVERSAL, HOLD, HOLD_POST, HOLD_VOID, HOLD_EXPIRY;

    public boolean resolvesHold() {
        return this == HOLD_POST || this == HOLD_VOID || this == HOLD_EXPIRY;
    }
}
