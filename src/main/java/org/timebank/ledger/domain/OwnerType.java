package org.timebank.ledger.domain;

/** Who holds an account: the owner's id is a volunteer's, a region's (a community), a shop's, or 0 for the system. */
public enum OwnerType {
    VOLUNTEER, REGION, SHOP, SYSTEM
}
