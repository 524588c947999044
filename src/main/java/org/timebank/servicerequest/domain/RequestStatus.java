package org.timebank.servicerequest.domain;

/**
 * Where a service request stands. OPEN until a volunteer accepts it; ACCEPTED (the payer's hours
 * held), COMPLETED (the provider reported the minutes served) and DISPUTED keep the hold; the others
 * are final: CONFIRMED and RESOLVED posted the hold or released it, CANCELLED, NO_SHOW released it,
 * EXPIRED says the ledger let the hold time out before the flow ended.
 */
public enum RequestStatus {
    OPEN, ACCEPTED, COMPLETED, DISPUTED, CONFIRMED, RESOLVED, CANCELLED, NO_SHOW, EXPIRED;

    /** While the payer's hours are held for it. */
    public boolean holds() {
        return this == ACCEPTED || this == COMPLETED || this == DISPUTED;
    }
}
