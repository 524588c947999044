package org.timebank.ledger.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BalanceTest {
    private static final AccountFlags CREDITS_LIMITED = new AccountFlags(false, true);

    private static Balance sum(List<Posting> postings, long accountId) {
        return postings.stream().filter(p -> p.accountId() == accountId).map(Balance::of)
                .reduce(Balance.ZERO, Balance::plus);
    }

    @Test
    void posted_is_credits_posted_less_debits_posted() {
        assertEquals(90, new Balance(10, 100, 20, 50).posted());
        assertEquals(-40, new Balance(50, 10, 0, 0).posted());
        assertEquals(0, Balance.ZERO.posted());
    }

    @Test
    void pending_debits_reduce_what_is_available_and_pending_credits_do_not_add_to_it() {
        Balance balance = new Balance(10, 100, 20, 50);

        assertEquals(70, balance.available());
        assertEquals(90, balance.posted());
    }

    @Test
    void a_posted_posting_moves_the_posted_columns() {
        assertEquals(new Balance(30, 0, 0, 0), Balance.of(Posting.debit(1, 30)));
        assertEquals(new Balance(0, 30, 0, 0), Balance.of(Posting.credit(1, 30)));
    }

    @Test
    void a_pending_posting_moves_the_pending_columns() {
        assertEquals(new Balance(0, 0, 30, 0), Balance.of(new Posting(1, Phase.PENDING, -30)));
        assertEquals(new Balance(0, 0, 0, 30), Balance.of(new Posting(1, Phase.PENDING, 30)));
    }

    @Test
    void a_released_posting_takes_its_amount_off_pending() {
        assertEquals(new Balance(0, 0, -30, 0), Balance.of(new Posting(1, Phase.RELEASED, -30)));
        assertEquals(new Balance(0, 0, 0, -30), Balance.of(new Posting(1, Phase.RELEASED, 30)));
    }

    @Test
    void a_hold_reserved_then_voided_leaves_both_accounts_as_they_were() {
        Hold hold = new Hold(9, 1, 2, 100, null, Hold.Status.PENDING);
        List<Posting> reserved = Hold.reserve(1, 2, 100);

        assertEquals(new Balance(0, 0, 100, 0), sum(reserved, 1));
        assertEquals(new Balance(0, 0, 0, 100), sum(reserved, 2));
        assertEquals(Balance.ZERO, sum(reserved, 1).plus(sum(hold.resolve(0), 1)));
        assertEquals(Balance.ZERO, sum(reserved, 2).plus(sum(hold.resolve(0), 2)));
    }

    @Test
    void a_hold_posted_in_part_leaves_only_the_posted_part_and_nothing_pending() {
        Hold hold = new Hold(9, 1, 2, 100, null, Hold.Status.PENDING);
        List<Posting> reserved = Hold.reserve(1, 2, 100);

        assertEquals(new Balance(30, 0, 0, 0), sum(reserved, 1).plus(sum(hold.resolve(30), 1)));
        assertEquals(new Balance(0, 30, 0, 0), sum(reserved, 2).plus(sum(hold.resolve(30), 2)));
    }

    @Test
    void balances_add_column_by_column_and_refuse_to_overflow() {
        assertEquals(new Balance(11, 22, 33, 44), new Balance(1, 2, 3, 4).plus(new Balance(10, 20, 30, 40)));
        assertThrows(ArithmeticException.class,
                () -> new Balance(Long.MAX_VALUE, 0, 0, 0).plus(new Balance(1, 0, 0, 0)));
    }

    @Test
    void an_unflagged_account_may_run_negative() {
        assertTrue(new Balance(500, 0, 100, 0).respects(AccountFlags.NONE));
    }

    @Test
    void a_wallet_cannot_be_overdrawn() {
        assertTrue(new Balance(0, 100, 0, 0).respects(AccountFlags.NO_OVERDRAFT));
        assertTrue(new Balance(100, 100, 0, 0).respects(AccountFlags.NO_OVERDRAFT));
        assertFalse(new Balance(101, 100, 0, 0).respects(AccountFlags.NO_OVERDRAFT));
    }

    @Test
    void a_wallet_counts_its_pending_debits_against_what_it_holds() {
        assertTrue(new Balance(50, 100, 50, 0).respects(AccountFlags.NO_OVERDRAFT));
        assertFalse(new Balance(50, 100, 51, 0).respects(AccountFlags.NO_OVERDRAFT));
    }

    @Test
    void a_wallet_cannot_spend_credits_that_are_still_pending() {
        assertFalse(new Balance(10, 0, 0, 100).respects(AccountFlags.NO_OVERDRAFT));
    }

    @Test
    void an_account_whose_credits_must_not_exceed_its_debits_counts_pending_credits() {
        assertTrue(new Balance(100, 100, 0, 0).respects(CREDITS_LIMITED));
        assertTrue(new Balance(100, 60, 0, 40).respects(CREDITS_LIMITED));
        assertFalse(new Balance(100, 60, 0, 41).respects(CREDITS_LIMITED));
        assertFalse(new Balance(100, 101, 0, 0).respects(CREDITS_LIMITED));
        assertFalse(new Balance(0, 0, 100, 1).respects(CREDITS_LIMITED));
    }
}
