package org.timebank.redemption.domain;

/** How a redemption takes the points: at once, or reserved first and captured or voided later. */
public enum RedemptionMode {
    CAPTURE, HOLD
}
