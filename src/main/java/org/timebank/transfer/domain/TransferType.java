package org.timebank.transfer.domain;

/** What a volunteer's transfer is: a gift to another volunteer or a donation to a community's pool. */
public enum TransferType {
    GIFT, DONATION
}
