package org.timebank.family;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.timebank.common.ApiException;
import org.timebank.common.Page;
import org.timebank.common.Paging;
import org.timebank.family.domain.FamilyLink;
import org.timebank.family.persistence.FamilyLinkStore;
import org.timebank.security.Caller;
import org.timebank.volunteer.VolunteerService;

/**
 * Links between members of one family: asked for by one volunteer, confirmed by the other, removed
 * by either. Other features ask whether two volunteers are linked (a family member's hours paying
 * for a service; gifts of hours where a region limits them to family).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FamilyLinkService {
    @Inject
    FamilyLinkStore store;
    @Inject
    VolunteerService volunteers;

    /** {@code volunteerId} (the caller) names a family member; the link waits for the member's confirmation. */
    public FamilyLink request(Caller caller, long volunteerId, long memberId, String relation) {
        requireSelf(caller, volunteerId);
        if (memberId == volunteerId) {
            throw ApiException.unprocessable("FAMILY_LINK_TO_SELF");
        }
        if (volunteers.find(memberId).isEmpty()) {
            throw ApiException.unprocessable("VOLUNTEER_NOT_FOUND", memberId);
        }
        long id = store.insert(volunteerId, memberId, relation == null || relation.isBlank() ? null : relation.strip())
                .orElseThrow(() -> ApiException.conflict("FAMILY_LINK_EXISTS", memberId));
        return store.find(id).orElseThrow();
    }

    public FamilyLink confirm(Caller caller, long volunteerId, long linkId) {
        requireSelf(caller, volunteerId);
        FamilyLink link = lockOwn(volunteerId, linkId);
        refuse(link.confirm(volunteerId));
        store.markConfirmed(linkId);
        return store.find(linkId).orElseThrow();
    }

    public FamilyLink remove(Caller caller, long volunteerId, long linkId) {
        requireSelf(caller, volunteerId);
        FamilyLink link = lockOwn(volunteerId, linkId);
        refuse(link.remove(volunteerId));
        store.markRemoved(linkId, caller.subject());
        return store.find(linkId).orElseThrow();
    }

    /** {@code volunteerId} limits what their hours pay for the other side each month; null lifts the limit. */
    public FamilyLink setLimit(Caller caller, long volunteerId, long linkId, Integer monthlyMinutes) {
        requireSelf(caller, volunteerId);
        FamilyLink link = lockOwn(volunteerId, linkId);
        if (link.status() == org.timebank.family.domain.FamilyLinkStatus.REMOVED) {
            throw ApiException.conflict("FAMILY_LINK_REMOVED");
        }
        store.setLimit(linkId, link.requestedBy() == volunteerId, monthlyMinutes);
        return store.find(linkId).orElseThrow();
    }

    /** The volunteer's links, newest first (themself, staff serving their home community, admin). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<FamilyLink> list(Caller caller, long volunteerId, Paging paging) {
        volunteers.visibleTo(caller, volunteerId);
        return paging.page(store.of(volunteerId, paging.after(), paging.limit() + 1), FamilyLink::id);
    }

    /** The confirmed link between the two, if they are linked. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<FamilyLink> confirmedBetween(long a, long b) {
        return store.confirmedBetween(a, b);
    }

    private static void requireSelf(Caller caller, long volunteerId) {
        if (!java.util.Objects.equals(caller.volunteerId(), volunteerId)) {
            throw ApiException.forbidden("FORBIDDEN");
        }
    }

    private FamilyLink lockOwn(long volunteerId, long linkId) {
        return store.lock(linkId).filter(l -> l.involves(volunteerId))
                .orElseThrow(() -> ApiException.notFound("FAMILY_LINK_NOT_FOUND", linkId));
    }

    private static void refuse(FamilyLink.Outcome outcome) {
        if (outcome instanceof FamilyLink.Refused refused) {
            throw refused.forbidden() ? ApiException.forbidden(refused.code()) : ApiException.conflict(refused.code());
        }
    }
}
