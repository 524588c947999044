package org.timebank.volunteer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.List;
import org.timebank.common.ApiException;
import org.timebank.common.Page;
import org.timebank.common.Paging;
import org.timebank.region.RegionService;
import org.timebank.region.domain.RegionLevel;
import org.timebank.region.domain.RegionRef;
import org.timebank.security.Caller;
import org.timebank.volunteer.domain.HomeMove;
import org.timebank.volunteer.domain.PersonalData;
import org.timebank.volunteer.domain.VolunteerMoved;
import org.timebank.volunteer.persistence.Volunteer;
import org.timebank.volunteer.persistence.VolunteerMove;

/**
 * Moving a volunteer's home community (通存通兑): the wallets are the volunteer's, not the
 * community's, so nothing in the ledger changes; what follows the home (leaderboards, and the rules
 * read along the home's path: points expiry, the redemption threshold, hour gifts) follows the
 * move. Every move is audited in {@code volunteer_move}.
 */
@ApplicationScoped
public class VolunteerMoves {
    @Inject
    EntityManager em;
    @Inject
    RegionService regions;
    @Inject
    PiiProtector pii;
    @Inject
    VolunteerService volunteers;
    @Inject
    Event<VolunteerMoved> moved;

    /**
     * Moves the volunteer to {@code request.toCommunityId()}: staff serving the old community or the
     * new one, or an admin. Staff serving only the new community name the volunteer by phone number
     * too, so that nobody can pull a stranger into their scope by guessing ids.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public VolunteerMove move(Caller caller, long volunteerId, HomeMove request) {
        RegionRef to = regions.find(request.toCommunityId()).orElse(null);
        if (to == null) {
            throw ApiException.unprocessable("REGION_NOT_FOUND", request.toCommunityId());
        }
        if (to.level() != RegionLevel.COMMUNITY) {
            throw ApiException.unprocessable("NOT_A_COMMUNITY", to.id());
        }
        // locked: concurrent moves of one volunteer take turns, each recording the home it found
        Volunteer v = em.find(Volunteer.class, volunteerId, LockModeType.PESSIMISTIC_WRITE);
        boolean servesOld = v != null && caller.covers(regions.require(v.homeCommunityId).pathIds());
        if (!servesOld && !caller.isAdmin()) {
            if (!caller.covers(to.pathIds())) {
                throw ApiException.notFound("VOLUNTEER_NOT_FOUND", volunteerId);
            }
            if (request.phone() == null) {
                // asked whether or not the volunteer exists: the answer says nothing about who does
                throw ApiException.unprocessable("MOVE_PHONE_REQUIRED");
            }
        }
        if (v == null) {
            throw ApiException.notFound("VOLUNTEER_NOT_FOUND", volunteerId);
        }
        if (request.phone() != null && !isPhoneOf(v, request.phone())) {
            throw servesOld ? ApiException.unprocessable("MOVE_PHONE_MISMATCH")
                    : ApiException.notFound("VOLUNTEER_NOT_FOUND", volunteerId);
        }
        if (v.homeCommunityId.equals(to.id())) {
            throw ApiException.unprocessable("ALREADY_IN_COMMUNITY", volunteerId, to.id());
        }
        VolunteerMove move = new VolunteerMove();
        move.volunteerId = v.id;
        move.fromCommunityId = v.homeCommunityId;
        move.toCommunityId = to.id();
        move.movedBy = caller.subject();
        move.persist();
        v.homeCommunityId = to.id();
        em.flush();
        em.refresh(move);
        moved.fire(new VolunteerMoved(v.id, move.fromCommunityId, move.toCommunityId));
        return move;
    }

    private boolean isPhoneOf(Volunteer v, String phone) {
        String normalized = PersonalData.normalizePhone(phone);
        return normalized != null && Arrays.equals(pii.hash(VolunteerService.PHONE, normalized), v.phoneHash);
    }

    /** The volunteer's moves, newest first (self, staff in scope, admin). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<VolunteerMove> history(Caller caller, long volunteerId, Paging paging) {
        Volunteer v = volunteers.visible(caller, volunteerId);
        List<VolunteerMove> rows = VolunteerMove.<VolunteerMove>find("volunteerId = ?1 and id < ?2 order by id desc",
                        v.id, paging.after() == null ? Long.MAX_VALUE : paging.after())
                .page(0, paging.limit() + 1).list();
        return paging.page(rows, m -> m.id);
    }
}
