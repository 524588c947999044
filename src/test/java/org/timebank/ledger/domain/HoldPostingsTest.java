package org.timebank.ledger.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The postings of a two-phase transfer; named apart from the API's HoldTest. */
class HoldPostingsTest {
    private static final long WALLET = 1, SHOP = 2;
    private static final Instant EXPIRES = Instant.parse("2024-05-01T10:00:00Z");
    private static final Hold HOLD = new Hold(9, WALLET, SHOP, 100, EXPIRES, Hold.Status.PENDING);

    private static Balance balanceOf(long accountId, List<Posting> postings) {
        return postings.stream().filter(p -> p.accountId() == accountId).map(Balance::of)
                .reduce(Balance.ZERO, Balance::plus);
    }

    @Test
    void reserving_puts_the_amount_on_pending_on_both_sides() {
        assertEquals(List.of(new Posting(WALLET, Phase.PENDING, -100), new Posting(SHOP, Phase.PENDING, 100)),
                Hold.reserve(WALLET, SHOP, 100));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void a_hold_reserves_a_positive_amount(long amount) {
        assertThrows(IllegalArgumentException.class, () -> Hold.reserve(WALLET, SHOP, amount));
    }

    @Test
    void resolving_with_nothing_posted_only_releases_the_hold() {
        assertEquals(List.of(new Posting(WALLET, Phase.RELEASED, -100), new Posting(SHOP, Phase.RELEASED, 100)),
                HOLD.resolve(0));
    }

    @Test
    void posting_part_of_a_hold_releases_all_of_it_and_posts_the_part() {
        assertEquals(List.of(new Posting(WALLET, Phase.RELEASED, -100), new Posting(SHOP, Phase.RELEASED, 100),
                        Posting.debit(WALLET, 30), Posting.credit(SHOP, 30)),
                HOLD.resolve(30));
    }

    @Test
    void posting_all_of_a_hold_releases_it_and_posts_it_in_full() {
        assertEquals(List.of(new Posting(WALLET, Phase.RELEASED, -100), new Posting(SHOP, Phase.RELEASED, 100),
                        Posting.debit(WALLET, 100), Posting.credit(SHOP, 100)),
                HOLD.resolve(100));
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 101, Long.MAX_VALUE, Long.MIN_VALUE})
    void a_posted_amount_outside_nothing_to_the_held_amount_is_refused(long posted) {
        assertThrows(IllegalArgumentException.class, () -> HOLD.resolve(posted));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 30, 99, 100})
    void a_resolution_balances_per_asset_and_phase(long posted) {
        TransactionKind kind = posted == 0 ? TransactionKind.HOLD_VOID : TransactionKind.HOLD_POST;
        Entry resolution = new Entry(kind, "HOLD", "9", "admin", null, null, null, HOLD.id(), HOLD.resolve(posted));

        assertTrue(resolution.balances(id -> Asset.POINTS));
    }

    @Test
    void opening_a_hold_balances() {
        Entry opening = new Entry(TransactionKind.HOLD, "ORDER", "o-1", "admin", null, null, null, null,
                Hold.reserve(WALLET, SHOP, 100));

        assertTrue(opening.balances(id -> Asset.POINTS));
    }

    @Test
    void a_wallet_holding_exactly_the_amount_stays_within_its_flags_from_reserve_to_post() {
        Balance funded = new Balance(0, 100, 0, 0);
        Balance reserved = funded.plus(balanceOf(WALLET, Hold.reserve(WALLET, SHOP, 100)));
        Balance posted = reserved.plus(balanceOf(WALLET, HOLD.resolve(100)));

        assertTrue(reserved.respects(AccountFlags.NO_OVERDRAFT));
        assertEquals(0, reserved.available());
        assertTrue(posted.respects(AccountFlags.NO_OVERDRAFT));
        assertEquals(new Balance(100, 100, 0, 0), posted);
        Balance overReserved = reserved.plus(balanceOf(WALLET, Hold.reserve(WALLET, SHOP, 1)));
        assertFalse(overReserved.respects(AccountFlags.NO_OVERDRAFT));
    }

    @Test
    void a_hold_expires_at_its_expiry_time_and_not_a_moment_before() {
        assertFalse(HOLD.isExpiredAt(EXPIRES.minusNanos(1)));
        assertTrue(HOLD.isExpiredAt(EXPIRES));
        assertTrue(HOLD.isExpiredAt(EXPIRES.plusSeconds(1)));
    }

    @Test
    void a_hold_has_timed_out_past_its_time_whether_the_expiry_job_released_it_or_not() {
        assertFalse(HOLD.hasTimedOut(EXPIRES.minusNanos(1)));
        assertTrue(HOLD.hasTimedOut(EXPIRES));
        Hold swept = new Hold(9, WALLET, SHOP, 100, EXPIRES, Hold.Status.EXPIRED);
        assertTrue(swept.hasTimedOut(EXPIRES));
        assertTrue(swept.hasTimedOut(EXPIRES.minusSeconds(1)), "the job's clock may run ahead of this one");
        assertFalse(new Hold(9, WALLET, SHOP, 100, EXPIRES, Hold.Status.POSTED).hasTimedOut(EXPIRES.plusSeconds(1)));
        assertFalse(new Hold(9, WALLET, SHOP, 100, EXPIRES, Hold.Status.VOIDED).hasTimedOut(EXPIRES.plusSeconds(1)));
    }
}
