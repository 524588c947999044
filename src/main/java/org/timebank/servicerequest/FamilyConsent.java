package org.timebank.servicerequest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.timebank.common.ApiException;
import org.timebank.common.Messages;
import org.timebank.family.FamilyLinkService;
import org.timebank.family.domain.FamilyLink;
import org.timebank.servicerequest.persistence.ServiceRequestStore;

/**
 * Whether a family member's stored hours may pay for a requester's service: a confirmed link, and
 * within the payer's monthly limit, counted over this calendar month's acceptances (Asia/Shanghai)
 * that the payer pays for the requester: the minutes still held and the minutes posted.
 */
@ApplicationScoped
public class FamilyConsent {
    @Inject
    FamilyLinkService links;
    @Inject
    ServiceRequestStore store;

    /** Refuses a payer who is not a confirmed family member of the requester. */
    public void requireLinked(long requesterId, long payerId) {
        link(requesterId, payerId);
    }

    /**
     * Refuses an acceptance the payer's consent does not cover. The caller holds the payer's wallet
     * lock, so no other acceptance the payer pays for commits between this count and the hold.
     */
    public void requireConsent(long requesterId, long payerId, long minutes) {
        Integer limit = link(requesterId, payerId).limitOf(payerId);
        if (limit == null) {
            return;
        }
        long used = store.familyMinutesThisMonth(payerId, requesterId);
        if (used + minutes > limit) {
            throw ApiException.unprocessable("FAMILY_MONTHLY_LIMIT_EXCEEDED", new Messages.Minutes(limit),
                    new Messages.Minutes(used));
        }
    }

    private FamilyLink link(long requesterId, long payerId) {
        return links.confirmedBetween(requesterId, payerId)
                .orElseThrow(() -> ApiException.unprocessable("FAMILY_LINK_REQUIRED", payerId));
    }
}
