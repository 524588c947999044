package org.timebank.hours.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What makes a claimed period acceptable before anyone reviews it. Overlap with the volunteer's
 * other live claims is checked by the database (an exclusion constraint), and with it the rule
 * that no calendar day holds more than 24 hours: periods that do not overlap cannot exceed a day.
 *
 * @param maxClaimMinutes      the longest one claim may be
 * @param maxAge               how long after the service it may still be claimed
 * @param clockSkew            how far into the future an end time is tolerated (phones' clocks drift)
 * @param secondReviewAbove    claims longer than this need two different reviewers
 */
public record ClaimRules(long maxClaimMinutes, Duration maxAge, Duration clockSkew, long secondReviewAbove) {

    public record Violation(String field, String code) {}

    public List<Violation> check(Instant startsAt, Instant endsAt, Instant now) {
        List<Violation> violations = new ArrayList<>();
        if (!endsAt.isAfter(startsAt)) {
            violations.add(new Violation("endsAt", "CLAIM_END_NOT_AFTER_START"));
            return violations;
        }
        if (endsAt.isAfter(now.plus(clockSkew))) {
            violations.add(new Violation("endsAt", "CLAIM_IN_FUTURE"));
        }
        long minutes = minutes(startsAt, endsAt);
        if (minutes < 1) {
            violations.add(new Violation("endsAt", "CLAIM_TOO_SHORT"));
        }
        if (minutes > maxClaimMinutes) {
            violations.add(new Violation("endsAt", "CLAIM_TOO_LONG"));
        }
        if (startsAt.isBefore(now.minus(maxAge))) {
            violations.add(new Violation("startsAt", "CLAIM_TOO_OLD"));
        }
        return violations;
    }

    /** Whole minutes served; seconds beyond the last whole minute do not count. */
    public static long minutes(Instant startsAt, Instant endsAt) {
        return Duration.between(startsAt, endsAt).toMinutes();
    }

    public boolean needsSecondReview(long minutes) {
        return minutes > secondReviewAbove;
    }
}
