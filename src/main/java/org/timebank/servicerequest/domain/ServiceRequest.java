package org.timebank.servicerequest.domain;

import java.util.List;
import java.util.Set;

/**
 * A service request as its rules see it, and what may become of it. The service loads it, asks with
 * the parties the caller is to it, and carries out the answer: a {@link Step} names the next status
 * and what happens to the payer's hold (made, posted for some minutes, released, or left alone).
 * <ul>
 * <li>Only a volunteer who is neither the requester nor the payer accepts, and only an OPEN request.</li>
 * <li>An OPEN request is cancelled by its requester or staff, freely; a held one by the requester,
 *     the provider or staff, with a reason, the hold released.</li>
 * <li>A no-show is recorded on an ACCEPTED request: by the requester's side the provider did not
 *     come, by the provider the requester was not there; the hold is released.</li>
 * <li>The provider reports the minutes served (1 up to the minutes held) on an ACCEPTED request; the
 *     requester or staff confirm a COMPLETED one, which posts the minutes served, the rest released.</li>
 * <li>Either side disputes a held request, with a reason. Staff who are not themselves a side
 *     resolve a DISPUTED or escalated one: post in full, in part, or release.</li>
 * <li>Past the hold's time nothing is posted or released by hand: the answer is SERVICE_HOLD_EXPIRED and
 *     the request ends EXPIRED when the ledger's expiry is swept.</li>
 * </ul>
 */
public record ServiceRequest(long id, RequestStatus status, long requesterId, Long payerVolunteerId, Long providerId,
                             int expectedMinutes, Integer minutesServed, boolean escalated) {

    /** What happens to the payer's hold in a step. */
    public enum HoldAction { NONE, HOLD, POST, RELEASE }

    public sealed interface Outcome permits Step, Refused {}

    /**
     * Go to {@code status}; the hold: {@code action}, posting {@code minutes} for POST (the held
     * minutes for HOLD, 0 otherwise); {@code noShow} names who did not come, for NO_SHOW.
     */
    public record Step(RequestStatus status, HoldAction action, int minutes, NoShowParty noShow) implements Outcome {}

    /** Why a refusal happened: who asks, the request's state, or what the request asks for. */
    public enum Reason { FORBIDDEN, STATE, REQUEST }

    public record Refused(Reason reason, String code, List<Object> args) implements Outcome {
        static Refused forbidden() {
            return new Refused(Reason.FORBIDDEN, "FORBIDDEN", List.of());
        }

        static Refused state(String code, Object... args) {
            return new Refused(Reason.STATE, code, List.of(args));
        }

        static Refused request(String code, Object... args) {
            return new Refused(Reason.REQUEST, code, List.of(args));
        }
    }

    /** {@code volunteerId} takes the request on. */
    public Outcome accept(long volunteerId) {
        if (volunteerId == requesterId || payerVolunteerId != null && volunteerId == payerVolunteerId) {
            return Refused.request("SERVICE_REQUEST_OWN", id);
        }
        if (status != RequestStatus.OPEN) {
            return Refused.state("SERVICE_REQUEST_NOT_OPEN", id, status.name());
        }
        return new Step(RequestStatus.ACCEPTED, HoldAction.HOLD, expectedMinutes, null);
    }

    public Outcome cancel(Set<Party> caller, String reason, boolean holdExpired) {
        if (status == RequestStatus.OPEN) {
            if (!caller.contains(Party.REQUESTER) && !caller.contains(Party.STAFF)) {
                return Refused.forbidden();
            }
            return new Step(RequestStatus.CANCELLED, HoldAction.NONE, 0, null);
        }
        if (!caller.contains(Party.REQUESTER) && !caller.contains(Party.PROVIDER) && !caller.contains(Party.STAFF)) {
            return Refused.forbidden();
        }
        if (status != RequestStatus.ACCEPTED && status != RequestStatus.COMPLETED) {
            return expiredOr(holdExpired, Refused.state("SERVICE_REQUEST_NOT_CANCELLABLE", id, status.name()));
        }
        if (blank(reason)) {
            return Refused.request("REASON_REQUIRED");
        }
        return unlessExpired(holdExpired, new Step(RequestStatus.CANCELLED, HoldAction.RELEASE, 0, null));
    }

    public Outcome noShow(Set<Party> caller, boolean holdExpired) {
        NoShowParty absent;
        if (caller.contains(Party.REQUESTER) || caller.contains(Party.STAFF) && !caller.contains(Party.PROVIDER)) {
            absent = NoShowParty.PROVIDER;
        } else if (caller.contains(Party.PROVIDER)) {
            absent = NoShowParty.REQUESTER;
        } else {
            return Refused.forbidden();
        }
        if (status != RequestStatus.ACCEPTED) {
            return expiredOr(holdExpired, Refused.state("SERVICE_REQUEST_NOT_ACCEPTED", id, status.name()));
        }
        return unlessExpired(holdExpired, new Step(RequestStatus.NO_SHOW, HoldAction.RELEASE, 0, absent));
    }

    /** The provider reports the minutes served; posting waits for the confirmation. */
    public Outcome reportCompletion(Set<Party> caller, int minutes, boolean holdExpired) {
        if (!caller.contains(Party.PROVIDER)) {
            return Refused.forbidden();
        }
        if (status != RequestStatus.ACCEPTED) {
            return expiredOr(holdExpired, Refused.state("SERVICE_REQUEST_NOT_ACCEPTED", id, status.name()));
        }
        if (minutes < 1 || minutes > expectedMinutes) {
            return Refused.request("MINUTES_SERVED_INVALID", minutes, expectedMinutes);
        }
        return unlessExpired(holdExpired, new Step(RequestStatus.COMPLETED, HoldAction.NONE, minutes, null));
    }

    /** The requester, or staff on their behalf, confirms the reported service: its minutes are posted. */
    public Outcome confirm(Set<Party> caller, boolean holdExpired) {
        if (caller.contains(Party.PROVIDER)
                || !caller.contains(Party.REQUESTER) && !caller.contains(Party.STAFF)) {
            return Refused.forbidden();
        }
        if (status != RequestStatus.COMPLETED) {
            return expiredOr(holdExpired, Refused.state("SERVICE_REQUEST_NOT_COMPLETED", id, status.name()));
        }
        return unlessExpired(holdExpired, new Step(RequestStatus.CONFIRMED, HoldAction.POST, minutesServed, null));
    }

    public Outcome dispute(Set<Party> caller, String reason, boolean holdExpired) {
        if (!caller.contains(Party.REQUESTER) && !caller.contains(Party.PROVIDER) && !caller.contains(Party.PAYER)) {
            return Refused.forbidden();
        }
        if (status != RequestStatus.ACCEPTED && status != RequestStatus.COMPLETED) {
            return expiredOr(holdExpired, Refused.state("SERVICE_REQUEST_NOT_DISPUTABLE", id, status.name()));
        }
        if (blank(reason)) {
            return Refused.request("REASON_REQUIRED");
        }
        return unlessExpired(holdExpired, new Step(RequestStatus.DISPUTED, HoldAction.NONE, 0, null));
    }

    /** Staff who are not a side of it resolve a disputed request, or an escalated one. */
    public Outcome resolve(Set<Party> caller, ResolutionDecision decision, Integer minutes, String reason,
                           boolean holdExpired) {
        if (!caller.contains(Party.STAFF) || caller.contains(Party.REQUESTER) || caller.contains(Party.PROVIDER)
                || caller.contains(Party.PAYER)) {
            return Refused.forbidden();
        }
        boolean open = status == RequestStatus.DISPUTED
                || escalated && (status == RequestStatus.ACCEPTED || status == RequestStatus.COMPLETED);
        if (!open) {
            return expiredOr(holdExpired, Refused.state("SERVICE_REQUEST_NOT_RESOLVABLE", id, status.name()));
        }
        if (blank(reason)) {
            return Refused.request("REASON_REQUIRED");
        }
        Step step = switch (decision) {
            case VOID -> new Step(RequestStatus.RESOLVED, HoldAction.RELEASE, 0, null);
            case POST_FULL -> new Step(RequestStatus.RESOLVED, HoldAction.POST, expectedMinutes, null);
            case POST_PART -> minutes == null || minutes < 1 || minutes > expectedMinutes ? null
                    : new Step(RequestStatus.RESOLVED, HoldAction.POST, minutes, null);
        };
        if (step == null) {
            return Refused.request("MINUTES_SERVED_INVALID", minutes == null ? 0 : minutes, expectedMinutes);
        }
        return unlessExpired(holdExpired, step);
    }

    /** The escalation job: a held request not confirmed in time goes to staff; nothing is posted or released. */
    public boolean escalatable() {
        return !escalated && (status == RequestStatus.ACCEPTED || status == RequestStatus.COMPLETED);
    }

    /** Follows the ledger's expiry of the hold. */
    public Outcome expire() {
        if (!status.holds()) {
            return Refused.state("SERVICE_REQUEST_NOT_HELD", id, status.name());
        }
        return new Step(RequestStatus.EXPIRED, HoldAction.NONE, 0, null);
    }

    private Outcome unlessExpired(boolean holdExpired, Step step) {
        return holdExpired ? Refused.state("SERVICE_HOLD_EXPIRED", id) : step;
    }

    private Outcome expiredOr(boolean holdExpired, Refused refused) {
        return holdExpired || status == RequestStatus.EXPIRED ? Refused.state("SERVICE_HOLD_EXPIRED", id) : refused;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
