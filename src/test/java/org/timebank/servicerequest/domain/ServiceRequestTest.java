package org.timebank.servicerequest.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.timebank.servicerequest.domain.ServiceRequest.HoldAction;
import org.timebank.servicerequest.domain.ServiceRequest.Outcome;
import org.timebank.servicerequest.domain.ServiceRequest.Reason;
import org.timebank.servicerequest.domain.ServiceRequest.Refused;
import org.timebank.servicerequest.domain.ServiceRequest.Step;

class ServiceRequestTest {
    private static final long REQUESTER = 1;
    private static final long PAYER = 2;
    private static final long PROVIDER = 3;
    private static final Set<Party> REQ = Set.of(Party.REQUESTER);
    private static final Set<Party> PRO = Set.of(Party.PROVIDER);
    private static final Set<Party> STAFF = Set.of(Party.STAFF);
    private static final Set<Party> NOBODY = Set.of();

    private static ServiceRequest open() {
        return new ServiceRequest(7, RequestStatus.OPEN, REQUESTER, PAYER, null, 60, null, false);
    }

    private static ServiceRequest in(RequestStatus status, Integer served, boolean escalated) {
        return new ServiceRequest(7, status, REQUESTER, PAYER, PROVIDER, 60, served, escalated);
    }

    private static Step step(Outcome o) {
        assertTrue(o instanceof Step, () -> "expected a step, got " + o);
        return (Step) o;
    }

    private static void refused(Outcome o, Reason reason, String code) {
        assertTrue(o instanceof Refused, () -> "expected a refusal, got " + o);
        assertEquals(reason, ((Refused) o).reason());
        assertEquals(code, ((Refused) o).code());
    }

    @Test
    void accepting_an_open_request_holds_the_expected_minutes() {
        Step s = step(open().accept(PROVIDER));
        assertEquals(RequestStatus.ACCEPTED, s.status());
        assertEquals(HoldAction.HOLD, s.action());
        assertEquals(60, s.minutes());
    }

    @Test
    void nobody_takes_their_own_request_nor_one_they_pay_for() {
        refused(open().accept(REQUESTER), Reason.REQUEST, "SERVICE_REQUEST_OWN");
        refused(open().accept(PAYER), Reason.REQUEST, "SERVICE_REQUEST_OWN");
    }

    @Test
    void a_taken_request_cannot_be_taken_again() {
        refused(in(RequestStatus.ACCEPTED, null, false).accept(4), Reason.STATE, "SERVICE_REQUEST_NOT_OPEN");
    }

    @Test
    void an_open_request_is_cancelled_freely_by_its_requester_or_staff_and_by_nobody_else() {
        Step s = step(open().cancel(REQ, null, false));
        assertEquals(RequestStatus.CANCELLED, s.status());
        assertEquals(HoldAction.NONE, s.action());
        step(open().cancel(STAFF, null, false));
        refused(open().cancel(Set.of(Party.PAYER), null, false), Reason.FORBIDDEN, "FORBIDDEN");
    }

    @Test
    void an_accepted_request_is_cancelled_by_either_side_with_a_reason_and_its_hold_released() {
        ServiceRequest r = in(RequestStatus.ACCEPTED, null, false);
        refused(r.cancel(PRO, " ", false), Reason.REQUEST, "REASON_REQUIRED");
        assertEquals(HoldAction.RELEASE, step(r.cancel(PRO, "病了", false)).action());
        assertEquals(HoldAction.RELEASE, step(r.cancel(REQ, "不需要了", false)).action());
        refused(r.cancel(NOBODY, "x", false), Reason.FORBIDDEN, "FORBIDDEN");
    }

    @Test
    void a_no_show_names_the_side_that_did_not_come() {
        ServiceRequest r = in(RequestStatus.ACCEPTED, null, false);
        assertEquals(NoShowParty.PROVIDER, step(r.noShow(REQ, false)).noShow());
        assertEquals(NoShowParty.REQUESTER, step(r.noShow(PRO, false)).noShow());
        assertEquals(HoldAction.RELEASE, step(r.noShow(STAFF, false)).action());
        refused(in(RequestStatus.COMPLETED, 30, false).noShow(REQ, false), Reason.STATE, "SERVICE_REQUEST_NOT_ACCEPTED");
    }

    @Test
    void only_the_provider_reports_and_never_more_than_was_held() {
        ServiceRequest r = in(RequestStatus.ACCEPTED, null, false);
        refused(r.reportCompletion(REQ, 30, false), Reason.FORBIDDEN, "FORBIDDEN");
        refused(r.reportCompletion(PRO, 61, false), Reason.REQUEST, "MINUTES_SERVED_INVALID");
        refused(r.reportCompletion(PRO, 0, false), Reason.REQUEST, "MINUTES_SERVED_INVALID");
        Step s = step(r.reportCompletion(PRO, 45, false));
        assertEquals(RequestStatus.COMPLETED, s.status());
        assertEquals(HoldAction.NONE, s.action());
    }

    @Test
    void confirmation_posts_the_minutes_served_and_the_provider_never_confirms_their_own_service() {
        ServiceRequest r = in(RequestStatus.COMPLETED, 45, false);
        Step s = step(r.confirm(REQ, false));
        assertEquals(RequestStatus.CONFIRMED, s.status());
        assertEquals(HoldAction.POST, s.action());
        assertEquals(45, s.minutes());
        step(r.confirm(STAFF, false));
        refused(r.confirm(Set.of(Party.PROVIDER, Party.STAFF), false), Reason.FORBIDDEN, "FORBIDDEN");
        refused(in(RequestStatus.ACCEPTED, null, false).confirm(REQ, false), Reason.STATE, "SERVICE_REQUEST_NOT_COMPLETED");
        refused(in(RequestStatus.CONFIRMED, 45, false).confirm(REQ, false), Reason.STATE, "SERVICE_REQUEST_NOT_COMPLETED");
    }

    @Test
    void past_the_holds_time_nothing_is_posted_or_released_by_hand() {
        ServiceRequest r = in(RequestStatus.COMPLETED, 45, false);
        refused(r.confirm(REQ, true), Reason.STATE, "SERVICE_HOLD_EXPIRED");
        refused(r.cancel(REQ, "x", true), Reason.STATE, "SERVICE_HOLD_EXPIRED");
        refused(in(RequestStatus.EXPIRED, 45, false).confirm(REQ, false), Reason.STATE, "SERVICE_HOLD_EXPIRED");
        assertEquals(RequestStatus.EXPIRED, step(r.expire()).status());
        refused(in(RequestStatus.CONFIRMED, 45, false).expire(), Reason.STATE, "SERVICE_REQUEST_NOT_HELD");
    }

    @Test
    void a_dispute_goes_to_staff_who_are_not_a_side_of_it() {
        ServiceRequest r = in(RequestStatus.COMPLETED, 45, false);
        refused(r.dispute(STAFF, "x", false), Reason.FORBIDDEN, "FORBIDDEN");
        Step d = step(r.dispute(Set.of(Party.PAYER), "没做完", false));
        assertEquals(RequestStatus.DISPUTED, d.status());
        ServiceRequest disputed = in(RequestStatus.DISPUTED, 45, false);
        refused(disputed.resolve(Set.of(Party.STAFF, Party.REQUESTER), ResolutionDecision.VOID, null, "x", false),
                Reason.FORBIDDEN, "FORBIDDEN");
        refused(disputed.resolve(STAFF, ResolutionDecision.POST_PART, 61, "x", false), Reason.REQUEST,
                "MINUTES_SERVED_INVALID");
        assertEquals(20, step(disputed.resolve(STAFF, ResolutionDecision.POST_PART, 20, "x", false)).minutes());
        assertEquals(60, step(disputed.resolve(STAFF, ResolutionDecision.POST_FULL, null, "x", false)).minutes());
        assertEquals(HoldAction.RELEASE,
                step(disputed.resolve(STAFF, ResolutionDecision.VOID, null, "x", false)).action());
    }

    @Test
    void staff_resolve_an_escalated_request_but_not_one_still_running_on_time() {
        refused(in(RequestStatus.ACCEPTED, null, false).resolve(STAFF, ResolutionDecision.VOID, null, "x", false),
                Reason.STATE, "SERVICE_REQUEST_NOT_RESOLVABLE");
        step(in(RequestStatus.ACCEPTED, null, true).resolve(STAFF, ResolutionDecision.VOID, null, "x", false));
    }

    @Test
    void only_a_held_request_not_escalated_yet_is_escalated() {
        assertTrue(in(RequestStatus.ACCEPTED, null, false).escalatable());
        assertTrue(in(RequestStatus.COMPLETED, 30, false).escalatable());
        assertFalse(in(RequestStatus.COMPLETED, 30, true).escalatable());
        assertFalse(in(RequestStatus.CONFIRMED, 30, false).escalatable());
        assertFalse(open().escalatable());
    }
}
