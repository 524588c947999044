package org.timebank.hours.domain;

import java.util.List;

/**
 * The review (审核) of an hour claim, and what a reviewer's decision or a reversal makes of it. Rules,
 * in the order they are asked:
 * <ol>
 * <li>Nobody decides or reverses their own hours.</li>
 * <li>Only a PENDING claim, or one AWAITING_SECOND_REVIEW, is decided; only an APPROVED one is reversed.</li>
 * <li>A rejection says why.</li>
 * <li>A claim longer than the second-review threshold is approved by two different reviewers: the first
 *     approval only moves it to AWAITING_SECOND_REVIEW, and its first reviewer cannot give the second.</li>
 * </ol>
 * The service loads the claim, asks, and persists the answer (posting an approval through the ledger,
 * whose own refusals come after these).
 *
 * @param firstReviewer who gave the first of two approvals; null until then
 */
public record ClaimReview(long claimId, Status status, long minutes, String firstReviewer) {

    /** Nested here rather than on its own so that the API's schema keeps its name, Status. */
    public enum Status { PENDING, AWAITING_SECOND_REVIEW, APPROVED, REJECTED, REVERSED }

    /** Nested here for the same reason: the API's schema is Decision. */
    public enum Decision { APPROVE, REJECT }

    /** Who reviews: their subject, and whether the claim's hours are their own. */
    public record Reviewer(String subject, boolean claimant) {}

    public sealed interface Outcome permits Approve, AwaitSecondReview, Reject, Refused {}

    public sealed interface ReversalOutcome permits Reverse, Refused {}

    /** Approve and post the claim; {@code reason} is the reviewer's note, stripped, or null. */
    public record Approve(String reason) implements Outcome {}

    /** Record the first of two approvals; nothing is posted yet. */
    public record AwaitSecondReview() implements Outcome {}

    /** Reject the claim for {@code reason}, stripped. */
    public record Reject(String reason) implements Outcome {}

    /** Post the reversal of the claim's approval. */
    public record Reverse() implements ReversalOutcome {}

    /**
     * What kind of refusal: the reviewer may not act on this claim (OWN_CLAIM), its state forbids
     * it, or a field of the request is missing (then the first argument names the field).
     */
    public enum Reason { FORBIDDEN, STATE, MISSING_FIELD }

    /** A refusal with its stable code and the message's arguments. */
    public record Refused(Reason reason, String code, List<Object> args) implements Outcome, ReversalOutcome {
        static Refused of(Reason reason, String code, Object... args) {
            return new Refused(reason, code, List.of(args));
        }
    }

    /** A reviewer's decision on the claim; {@code rules} say from how many minutes two reviewers are needed. */
    public Outcome decide(Reviewer reviewer, Decision decision, String reason, ClaimRules rules) {
        if (reviewer.claimant()) {
            return Refused.of(Reason.FORBIDDEN, "OWN_CLAIM", claimId);
        }
        if (status != Status.PENDING && status != Status.AWAITING_SECOND_REVIEW) {
            return Refused.of(Reason.STATE, "CLAIM_ALREADY_DECIDED", claimId, status);
        }
        if (decision == Decision.REJECT) {
            if (reason == null || reason.isBlank()) {
                return Refused.of(Reason.MISSING_FIELD, "REASON_REQUIRED", "reason");
            }
            return new Reject(reason.strip());
        }
        if (status == Status.PENDING && rules.needsSecondReview(minutes)) {
            return new AwaitSecondReview();
        }
        if (status == Status.AWAITING_SECOND_REVIEW && reviewer.subject().equals(firstReviewer)) {
            return Refused.of(Reason.STATE, "SECOND_REVIEWER_REQUIRED", claimId);
        }
        return new Approve(reason == null || reason.isBlank() ? null : reason.strip());
    }

    /** Whether the reviewer may undo the claim's approval. */
    public ReversalOutcome reverse(Reviewer reviewer) {
        if (reviewer.claimant()) {
            return Refused.of(Reason.FORBIDDEN, "OWN_CLAIM", claimId);
        }
        if (status == Status.REVERSED) {
            return Refused.of(Reason.STATE, "CLAIM_ALREADY_REVERSED", claimId, status);
        }
        if (status != Status.APPROVED) {
            return Refused.of(Reason.STATE, "CLAIM_NOT_APPROVED", claimId, status);
        }
        return new Reverse();
    }
}
