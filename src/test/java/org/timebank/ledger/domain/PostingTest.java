package org.timebank.ledger.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostingTest {

    @Test
    void a_posting_moves_a_non_zero_amount() {
        assertThrows(IllegalArgumentException.class, () -> new Posting(1, Phase.POSTED, 0));
        assertThrows(IllegalArgumentException.class, () -> new Posting(1, Phase.PENDING, 0));
    }

    @Test
    void a_posting_has_a_phase() {
        assertThrows(IllegalArgumentException.class, () -> new Posting(1, null, 5));
    }

    @Test
    void a_debit_is_negative_and_a_credit_positive() {
        Posting debit = Posting.debit(7, 30);
        Posting credit = Posting.credit(8, 30);

        assertEquals(new Posting(7, Phase.POSTED, -30), debit);
        assertEquals(new Posting(8, Phase.POSTED, 30), credit);
        assertTrue(debit.isDebit());
        assertFalse(credit.isDebit());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, -30, Long.MIN_VALUE})
    void debits_and_credits_are_given_positive_amounts(long amount) {
        assertThrows(IllegalArgumentException.class, () -> Posting.debit(7, amount));
        assertThrows(IllegalArgumentException.class, () -> Posting.credit(7, amount));
    }

    @Test
    void the_sign_says_debit_in_every_phase() {
        assertTrue(new Posting(1, Phase.PENDING, -5).isDebit());
        assertTrue(new Posting(1, Phase.RELEASED, -5).isDebit());
        assertFalse(new Posting(1, Phase.RELEASED, 5).isDebit());
    }

    @Test
    void phases_are_stored_as_0_1_and_2_and_read_back() {
        assertEquals(0, Phase.POSTED.code());
        assertEquals(1, Phase.PENDING.code());
        assertEquals(2, Phase.RELEASED.code());
        for (Phase phase : Phase.values()) {
            assertEquals(phase, Phase.of(phase.code()));
        }
        assertThrows(IllegalArgumentException.class, () -> Phase.of(3));
        assertThrows(IllegalArgumentException.class, () -> Phase.of(-1));
    }
}
