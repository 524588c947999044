package org.timebank.ledger.domain;

/** The two units the ledger keeps, never mixed in one balance. */
public enum Asset {
    /** Service time in whole minutes. Not spendable at shops; drives star levels. */
    HOURS,
    /** Redeemable points, in whole points. */
    POINTS
}
