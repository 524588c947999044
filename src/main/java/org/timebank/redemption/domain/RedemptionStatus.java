package org.timebank.redemption.domain;

public enum RedemptionStatus {
    /** Points reserved (a pending hold); awaiting capture or void, or expiry. */
    HELD,
    /** Points posted to the shop. */
    CAPTURED,
    /** The hold was released by the shop; the stock went back. */
    VOIDED,
    /** The hold timed out; the stock went back. */
    EXPIRED
}
