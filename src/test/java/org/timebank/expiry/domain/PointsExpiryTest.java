package org.timebank.expiry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.timebank.expiry.domain.PointsExpiry.Credit;
import org.timebank.expiry.domain.PointsExpiry.NextExpiry;

class PointsExpiryTest {
    static final PointsExpiry TWELVE_MONTHS = new PointsExpiry(12);

    static Instant at(String localShanghai) {
        return LocalDateTime.parse(localShanghai).atZone(PointsExpiry.ZONE).toInstant();
    }

    static final Instant JAN = at("2025-01-10T09:00:00");
    static final Instant MAR = at("2025-03-10T09:00:00");
    static final Instant JUN = at("2025-06-10T09:00:00");
    static final List<Credit> CREDITS = List.of(new Credit(JAN, 100), new Credit(MAR, 50), new Credit(JUN, 30));

    @Test
    void credits_older_than_the_rule_expire_whole_when_nothing_was_spent() {
        assertEquals(100, TWELVE_MONTHS.due(CREDITS, 0, 180, at("2026-01-10T09:00:00")));
        assertEquals(150, TWELVE_MONTHS.due(CREDITS, 0, 180, at("2026-04-01T00:00:00")));
        assertEquals(180, TWELVE_MONTHS.due(CREDITS, 0, 180, at("2026-07-01T00:00:00")));
    }

    @Test
    void nothing_expires_a_moment_before_the_oldest_credit_is_due() {
        assertEquals(0, TWELVE_MONTHS.due(CREDITS, 0, 180, at("2026-01-10T08:59:59")));
    }

    @Test
    void spending_consumes_the_oldest_credits_first() {
        // 70 spent: of January's 100, 30 are left to expire; March's 50 are untouched
        assertEquals(30, TWELVE_MONTHS.due(CREDITS, 70, 110, at("2026-01-10T09:00:00")));
        assertEquals(80, TWELVE_MONTHS.due(CREDITS, 70, 110, at("2026-03-10T09:00:00")));
    }

    @Test
    void nothing_expires_when_the_old_credits_were_spent() {
        assertEquals(0, TWELVE_MONTHS.due(CREDITS, 100, 80, at("2026-01-10T09:00:00")));
        assertEquals(0, TWELVE_MONTHS.due(CREDITS, 120, 60, at("2026-01-10T09:00:00")));
    }

    @Test
    void expiring_is_idempotent_because_the_expiry_is_a_debit() {
        Instant now = at("2026-03-10T09:00:00");
        long first = TWELVE_MONTHS.due(CREDITS, 20, 160, now);
        assertEquals(130, first);
        assertEquals(0, TWELVE_MONTHS.due(CREDITS, 20 + first, 160 - first, now));
    }

    @Test
    void points_reserved_by_a_pending_hold_are_never_expired() {
        // 100 old and unspent, but 90 of the 180 are held for a redemption at the till
        assertEquals(90, TWELVE_MONTHS.due(CREDITS, 0, 90, at("2026-01-10T09:00:00")));
        assertEquals(0, TWELVE_MONTHS.due(CREDITS, 0, 0, at("2026-07-01T00:00:00")));
    }

    @Test
    void the_next_expiry_is_the_unspent_part_of_the_oldest_credit_that_has_some() {
        assertEquals(Optional.of(new NextExpiry(100, at("2026-01-10T09:00:00"))), TWELVE_MONTHS.next(CREDITS, 0));
        assertEquals(Optional.of(new NextExpiry(30, at("2026-01-10T09:00:00"))), TWELVE_MONTHS.next(CREDITS, 70));
        assertEquals(Optional.of(new NextExpiry(50, at("2026-03-10T09:00:00"))), TWELVE_MONTHS.next(CREDITS, 100));
        assertEquals(Optional.of(new NextExpiry(10, at("2026-06-10T09:00:00"))), TWELVE_MONTHS.next(CREDITS, 170));
    }

    @Test
    void there_is_no_next_expiry_when_everything_was_spent() {
        assertFalse(TWELVE_MONTHS.next(CREDITS, 180).isPresent());
        assertFalse(TWELVE_MONTHS.next(List.of(), 0).isPresent());
    }

    @Test
    void the_next_expiry_follows_the_order_earned_whatever_order_the_credits_come_in() {
        List<Credit> shuffled = List.of(CREDITS.get(2), CREDITS.get(0), CREDITS.get(1));
        assertEquals(TWELVE_MONTHS.next(CREDITS, 120), TWELVE_MONTHS.next(shuffled, 120));
    }

    @Test
    void a_credit_earned_at_the_end_of_a_long_month_expires_at_the_start_of_the_month_after_a_short_one() {
        PointsExpiry oneMonth = new PointsExpiry(1);
        assertEquals(at("2026-03-01T00:00:00"), oneMonth.expiresAt(at("2026-01-31T10:00:00")));
        assertEquals(at("2026-02-28T10:00:00"), oneMonth.expiresAt(at("2026-01-28T10:00:00")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-31T10:00:00", "2026-01-29T23:59:59", "2026-03-31T00:00:00", "2026-05-15T12:30:00",
            "2024-01-30T08:00:00", "2026-12-31T23:00:00"})
    void a_credit_expires_exactly_when_the_balance_said_it_would(String earnedLocal) {
        Instant earned = at(earnedLocal);
        List<Credit> credits = List.of(new Credit(earned, 10));
        for (int months : new int[] {1, 2, 12, 13}) {
            PointsExpiry rule = new PointsExpiry(months);
            Instant when = rule.expiresAt(earned);
            assertEquals(0, rule.due(credits, 0, 10, when.minus(Duration.ofNanos(1000))), () -> rule + " " + when);
            assertEquals(10, rule.due(credits, 0, 10, when), () -> rule + " " + when);
        }
    }

    @Test
    void a_rule_is_one_to_one_hundred_and_twenty_months() {
        assertThrows(IllegalArgumentException.class, () -> new PointsExpiry(0));
        assertThrows(IllegalArgumentException.class, () -> new PointsExpiry(121));
        assertTrue(new PointsExpiry(120).months() == 120);
    }
}
