package org.timebank.hours.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimRulesTest {
    /** The service's defaults: 720 minutes, 90 days, 5 minutes of clock skew, two reviewers above 480 minutes. */
    private static final ClaimRules RULES = new ClaimRules(720, Duration.ofDays(90), Duration.ofMinutes(5), 480);
    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
    private static final Instant YESTERDAY_9AM = Instant.parse("2026-11-21T01:00:00Z"); // 09:00 in Shanghai

    private static List<String> codes(Instant startsAt, Instant endsAt) {
        return RULES.check(startsAt, endsAt, NOW).stream().map(ClaimRules.Violation::code).toList();
    }

    @Test
    void an_ordinary_claim_of_yesterday_morning_is_acceptable() {
        assertEquals(List.of(), codes(YESTERDAY_9AM, YESTERDAY_9AM.plus(Duration.ofMinutes(150))));
    }

    @Test
    void an_end_equal_to_the_start_is_refused_and_nothing_else_is_reported() {
        List<ClaimRules.Violation> violations = RULES.check(YESTERDAY_9AM, YESTERDAY_9AM, NOW);

        assertEquals(List.of(new ClaimRules.Violation("endsAt", "CLAIM_END_NOT_AFTER_START")), violations);
    }

    @Test
    void an_end_before_the_start_is_refused() {
        assertEquals(List.of("CLAIM_END_NOT_AFTER_START"), codes(YESTERDAY_9AM, YESTERDAY_9AM.minusSeconds(60)));
    }

    @Test
    void service_ending_in_the_future_is_refused() {
        assertEquals(List.of("CLAIM_IN_FUTURE"), codes(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(1))));
    }

    @Test
    void an_end_within_the_clock_skew_is_accepted() {
        assertEquals(List.of(), codes(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofMinutes(2))));
        assertEquals(List.of(), codes(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofMinutes(5))));
    }

    @Test
    void an_end_one_second_beyond_the_clock_skew_is_in_the_future() {
        assertEquals(List.of("CLAIM_IN_FUTURE"),
                codes(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofMinutes(5)).plusSeconds(1)));
    }

    @Test
    void service_of_less_than_a_minute_is_too_short() {
        List<ClaimRules.Violation> violations = RULES.check(YESTERDAY_9AM, YESTERDAY_9AM.plusSeconds(59), NOW);

        assertEquals(List.of(new ClaimRules.Violation("endsAt", "CLAIM_TOO_SHORT")), violations);
    }

    @Test
    void exactly_one_minute_is_long_enough() {
        assertEquals(List.of(), codes(YESTERDAY_9AM, YESTERDAY_9AM.plusSeconds(60)));
    }

    @Test
    void a_claim_of_exactly_the_maximum_is_accepted() {
        assertEquals(List.of(), codes(YESTERDAY_9AM, YESTERDAY_9AM.plus(Duration.ofMinutes(720))));
    }

    @Test
    void seconds_beyond_the_maximum_do_not_count_as_a_minute() {
        assertEquals(List.of(), codes(YESTERDAY_9AM, YESTERDAY_9AM.plus(Duration.ofMinutes(720)).plusSeconds(59)));
        assertEquals(720, ClaimRules.minutes(YESTERDAY_9AM, YESTERDAY_9AM.plus(Duration.ofMinutes(720)).plusSeconds(59)));
    }

    @Test
    void one_minute_over_the_maximum_is_too_long() {
        List<ClaimRules.Violation> violations =
                RULES.check(YESTERDAY_9AM, YESTERDAY_9AM.plus(Duration.ofMinutes(721)), NOW);

        assertEquals(List.of(new ClaimRules.Violation("endsAt", "CLAIM_TOO_LONG")), violations);
    }

    @Test
    void service_that_started_more_than_the_maximum_age_ago_is_too_old() {
        Instant start = NOW.minus(Duration.ofDays(90)).minusSeconds(1);

        List<ClaimRules.Violation> violations = RULES.check(start, start.plus(Duration.ofHours(1)), NOW);

        assertEquals(List.of(new ClaimRules.Violation("startsAt", "CLAIM_TOO_OLD")), violations);
    }

    @Test
    void service_that_started_exactly_the_maximum_age_ago_may_still_be_claimed() {
        Instant start = NOW.minus(Duration.ofDays(90));

        assertEquals(List.of(), codes(start, start.plus(Duration.ofHours(1))));
    }

    @Test
    void every_violated_rule_is_reported() {
        Instant start = NOW.minus(Duration.ofDays(100));

        assertEquals(List.of("CLAIM_TOO_LONG", "CLAIM_TOO_OLD"), codes(start, start.plus(Duration.ofDays(1))));
    }

    @Test
    void only_claims_longer_than_the_threshold_need_a_second_reviewer() {
        assertFalse(RULES.needsSecondReview(480));
        assertTrue(RULES.needsSecondReview(481));
    }
}
