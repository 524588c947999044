package org.timebank.hours.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.timebank.hours.domain.ClaimReview.Approve;
import org.timebank.hours.domain.ClaimReview.AwaitSecondReview;
import org.timebank.hours.domain.ClaimReview.Decision;
import org.timebank.hours.domain.ClaimReview.Reason;
import org.timebank.hours.domain.ClaimReview.Refused;
import org.timebank.hours.domain.ClaimReview.Reject;
import org.timebank.hours.domain.ClaimReview.Reverse;
import org.timebank.hours.domain.ClaimReview.Reviewer;
import org.timebank.hours.domain.ClaimReview.Status;

/** The review of an hour claim, without a database: who decides, when two reviewers are needed, and reversals. */
class ClaimReviewTest {
    /** Two reviewers above 480 minutes, as the service's default. */
    private static final ClaimRules RULES = new ClaimRules(720, Duration.ofDays(90), Duration.ofMinutes(5), 480);
    private static final long CLAIM = 42;
    private static final Reviewer WANG = new Reviewer("staff-wang", false);
    private static final Reviewer LI = new Reviewer("staff-li", false);
    private static final Reviewer CLAIMANT = new Reviewer("staff-zhao", true);

    private static ClaimReview claim(Status status, long minutes) {
        return new ClaimReview(CLAIM, status, minutes, null);
    }

    private static ClaimReview awaitingSecondReviewAfter(Reviewer first) {
        return new ClaimReview(CLAIM, Status.AWAITING_SECOND_REVIEW, 600, first.subject());
    }

    private static Refused refused(Reason reason, String code, Object... args) {
        return new Refused(reason, code, List.of(args));
    }

    @Test
    void a_reviewer_approves_a_pending_claim_up_to_the_threshold_at_once() {
        assertEquals(new Approve(null), claim(Status.PENDING, 150).decide(WANG, Decision.APPROVE, null, RULES));
        assertEquals(new Approve(null), claim(Status.PENDING, 480).decide(WANG, Decision.APPROVE, "  ", RULES));
        assertEquals(new Approve("checked the sheet"),
                claim(Status.PENDING, 150).decide(WANG, Decision.APPROVE, " checked the sheet ", RULES));
    }

    @Test
    void a_claim_above_the_threshold_needs_a_second_reviewer() {
        assertEquals(new AwaitSecondReview(), claim(Status.PENDING, 481).decide(WANG, Decision.APPROVE, null, RULES));
    }

    @Test
    void the_first_reviewer_cannot_give_the_second_approval_and_another_one_can() {
        assertEquals(refused(Reason.STATE, "SECOND_REVIEWER_REQUIRED", CLAIM),
                awaitingSecondReviewAfter(WANG).decide(WANG, Decision.APPROVE, null, RULES));
        assertEquals(new Approve("agreed"), awaitingSecondReviewAfter(WANG).decide(LI, Decision.APPROVE, "agreed", RULES));
    }

    @Test
    void a_claim_awaiting_its_second_review_may_still_be_rejected_by_either_reviewer() {
        assertEquals(new Reject("the sheet says 2 hours"),
                awaitingSecondReviewAfter(WANG).decide(WANG, Decision.REJECT, "the sheet says 2 hours", RULES));
        assertEquals(new Reject("no sheet"), awaitingSecondReviewAfter(WANG).decide(LI, Decision.REJECT, "no sheet", RULES));
    }

    @Test
    void a_rejection_says_why() {
        assertEquals(new Reject("no sign-in sheet"),
                claim(Status.PENDING, 150).decide(WANG, Decision.REJECT, "  no sign-in sheet ", RULES));
        Refused noReason = refused(Reason.MISSING_FIELD, "REASON_REQUIRED", "reason");
        assertEquals(noReason, claim(Status.PENDING, 150).decide(WANG, Decision.REJECT, null, RULES));
        assertEquals(noReason, claim(Status.PENDING, 600).decide(WANG, Decision.REJECT, " ", RULES));
    }

    @Test
    void a_reviewer_cannot_decide_their_own_claim_whatever_its_state() {
        Refused own = refused(Reason.FORBIDDEN, "OWN_CLAIM", CLAIM);
        assertEquals(own, claim(Status.PENDING, 150).decide(CLAIMANT, Decision.APPROVE, null, RULES));
        assertEquals(own, claim(Status.PENDING, 150).decide(CLAIMANT, Decision.REJECT, "changed my mind", RULES));
        assertEquals(own, claim(Status.APPROVED, 150).decide(CLAIMANT, Decision.APPROVE, null, RULES),
                "the own claim is told before its state");
        assertEquals(own, awaitingSecondReviewAfter(WANG).decide(CLAIMANT, Decision.APPROVE, null, RULES));
    }

    @Test
    void a_decided_claim_is_not_decided_again() {
        for (Status decided : List.of(Status.APPROVED, Status.REJECTED, Status.REVERSED)) {
            Refused already = refused(Reason.STATE, "CLAIM_ALREADY_DECIDED", CLAIM, decided);
            assertEquals(already, claim(decided, 150).decide(WANG, Decision.APPROVE, null, RULES));
            assertEquals(already, claim(decided, 150).decide(WANG, Decision.REJECT, null, RULES),
                    "the state is told before the missing reason");
        }
    }

    @Test
    void only_an_approved_claim_is_reversed_and_only_once() {
        assertEquals(new Reverse(), claim(Status.APPROVED, 150).reverse(WANG));
        assertEquals(refused(Reason.STATE, "CLAIM_ALREADY_REVERSED", CLAIM, Status.REVERSED),
                claim(Status.REVERSED, 150).reverse(WANG));
        for (Status undecided : List.of(Status.PENDING, Status.AWAITING_SECOND_REVIEW, Status.REJECTED)) {
            assertEquals(refused(Reason.STATE, "CLAIM_NOT_APPROVED", CLAIM, undecided), claim(undecided, 150).reverse(WANG));
        }
    }

    @Test
    void nobody_reverses_their_own_hours() {
        assertEquals(refused(Reason.FORBIDDEN, "OWN_CLAIM", CLAIM), claim(Status.APPROVED, 150).reverse(CLAIMANT));
        assertEquals(refused(Reason.FORBIDDEN, "OWN_CLAIM", CLAIM), claim(Status.REVERSED, 150).reverse(CLAIMANT));
    }
}
