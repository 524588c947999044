package org.timebank.servicerequest;

import jakarta.enterprise.context.ApplicationScoped;
import org.timebank.common.ApiException;

/** Whether a family member's stored hours may pay for a requester's service. */
@ApplicationScoped
public class FamilyConsent {
    /** Refuses a payer who is not a confirmed family member of the requester. */
    public void requireLinked(long requesterId, long payerId) {
        throw ApiException.unprocessable("FAMILY_LINK_REQUIRED", payerId);
    }

    /** Refuses an acceptance the payer's consent (a confirmed link, within its monthly limit) does not cover. */
    public void requireConsent(long requesterId, long payerId, long minutes) {
        throw ApiException.unprocessable("FAMILY_LINK_REQUIRED", payerId);
    }
}
