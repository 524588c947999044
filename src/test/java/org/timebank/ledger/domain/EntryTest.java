package org.timebank.ledger.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EntryTest {
    private static final long HOURS_A = 1, HOURS_B = 2, POINTS_A = 3, POINTS_B = 4;
    private static final Map<Long, Asset> ASSETS = Map.of(HOURS_A, Asset.HOURS, HOURS_B, Asset.HOURS,
            POINTS_A, Asset.POINTS, POINTS_B, Asset.POINTS);
    private static final LongFunction<Asset> ASSET_OF = ASSETS::get;

    private static Entry adjustment(Posting... postings) {
        return new Entry(TransactionKind.ADJUSTMENT, "ACCOUNT", "1", "admin", null, null, null, null,
                List.of(postings));
    }

    @Test
    void an_entry_names_its_kind_and_actor() {
        List<Posting> postings = List.of(Posting.debit(HOURS_A, 5), Posting.credit(HOURS_B, 5));
        assertThrows(IllegalArgumentException.class,
                () -> new Entry(null, null, null, "admin", null, null, null, null, postings));
        assertThrows(IllegalArgumentException.class,
                () -> new Entry(TransactionKind.ADJUSTMENT, null, null, null, null, null, null, null, postings));
        assertThrows(IllegalArgumentException.class,
                () -> new Entry(TransactionKind.ADJUSTMENT, null, null, "  ", null, null, null, null, postings));
    }

    @Test
    void an_entry_has_at_least_two_postings() {
        assertThrows(IllegalArgumentException.class, () -> adjustment());
        assertThrows(IllegalArgumentException.class, () -> adjustment(Posting.credit(HOURS_A, 5)));
        assertDoesNotThrow(() -> adjustment(Posting.debit(HOURS_A, 5), Posting.credit(HOURS_B, 5)));
    }

    @Test
    void an_account_appears_at_most_once_per_phase() {
        assertThrows(IllegalArgumentException.class,
                () -> adjustment(Posting.debit(HOURS_A, 5), Posting.credit(HOURS_B, 3), Posting.credit(HOURS_B, 2)));
        assertThrows(IllegalArgumentException.class,
                () -> adjustment(new Posting(HOURS_A, Phase.PENDING, -5), new Posting(HOURS_A, Phase.PENDING, 5)));
    }

    @Test
    void the_same_account_may_appear_once_in_each_phase() {
        Entry resolution = new Entry(TransactionKind.HOLD_POST, "HOLD", "9", "admin", null, null, null, 9L, List.of(
                new Posting(HOURS_A, Phase.RELEASED, -10), new Posting(HOURS_B, Phase.RELEASED, 10),
                Posting.debit(HOURS_A, 4), Posting.credit(HOURS_B, 4)));

        assertEquals(4, resolution.postings().size());
    }

    @Test
    void a_reversal_and_only_a_reversal_names_the_transaction_it_reverses() {
        List<Posting> postings = List.of(Posting.debit(HOURS_A, 5), Posting.credit(HOURS_B, 5));
        assertThrows(IllegalArgumentException.class,
                () -> new Entry(TransactionKind.REVERSAL, null, null, "admin", null, null, null, null, postings));
        assertThrows(IllegalArgumentException.class,
                () -> new Entry(TransactionKind.ADJUSTMENT, null, null, "admin", null, null, 12L, null, postings));
        assertDoesNotThrow(
                () -> new Entry(TransactionKind.REVERSAL, null, null, "admin", null, null, 12L, null, postings));
    }

    @ParameterizedTest
    @EnumSource(value = TransactionKind.class, names = {"HOLD_POST", "HOLD_VOID", "HOLD_EXPIRY"})
    void a_hold_resolution_names_the_hold_it_resolves(TransactionKind kind) {
        List<Posting> postings = List.of(new Posting(HOURS_A, Phase.RELEASED, -5),
                new Posting(HOURS_B, Phase.RELEASED, 5));
        assertThrows(IllegalArgumentException.class,
                () -> new Entry(kind, "HOLD", "9", "admin", null, null, null, null, postings));
        assertDoesNotThrow(() -> new Entry(kind, "HOLD", "9", "admin", null, null, null, 9L, postings));
    }

    @ParameterizedTest
    @EnumSource(value = TransactionKind.class, names = {"OPENING_BALANCE", "ADJUSTMENT", "REVERSAL", "HOLD"})
    void only_a_hold_resolution_names_a_hold(TransactionKind kind) {
        Long reverses = kind == TransactionKind.REVERSAL ? 12L : null;
        List<Posting> postings = List.of(Posting.debit(HOURS_A, 5), Posting.credit(HOURS_B, 5));
        assertThrows(IllegalArgumentException.class,
                () -> new Entry(kind, null, null, "admin", null, null, reverses, 9L, postings));
    }

    @Test
    void an_entry_keeps_its_own_copy_of_the_postings() {
        List<Posting> postings = new ArrayList<>(List.of(Posting.debit(HOURS_A, 5), Posting.credit(HOURS_B, 5)));
        Entry entry = new Entry(TransactionKind.ADJUSTMENT, null, null, "admin", null, null, null, null, postings);
        postings.add(Posting.credit(POINTS_A, 1));

        assertEquals(List.of(Posting.debit(HOURS_A, 5), Posting.credit(HOURS_B, 5)), entry.postings());
        assertThrows(UnsupportedOperationException.class, () -> entry.postings().add(Posting.credit(POINTS_A, 1)));
    }

    @Test
    void a_transfer_debits_one_account_and_credits_the_other() {
        Entry entry = Entry.transfer(TransactionKind.ADJUSTMENT, "ACCOUNT", "2", "admin", "typo", HOURS_A, HOURS_B, 90);

        assertEquals(List.of(new Posting(HOURS_A, Phase.POSTED, -90), new Posting(HOURS_B, Phase.POSTED, 90)),
                entry.postings());
        assertEquals("typo", entry.memo());
        assertTrue(entry.balances(ASSET_OF));
    }

    @Test
    void a_transfer_of_a_non_positive_amount_is_refused() {
        assertThrows(IllegalArgumentException.class,
                () -> Entry.transfer(TransactionKind.ADJUSTMENT, null, null, "admin", null, HOURS_A, HOURS_B, 0));
        assertThrows(IllegalArgumentException.class,
                () -> Entry.transfer(TransactionKind.ADJUSTMENT, null, null, "admin", null, HOURS_A, HOURS_B, -5));
    }

    @Test
    void postings_that_do_not_sum_to_zero_do_not_balance() {
        assertFalse(adjustment(Posting.debit(HOURS_A, 5), Posting.credit(HOURS_B, 4)).balances(ASSET_OF));
        assertFalse(adjustment(Posting.credit(HOURS_A, 5), Posting.credit(HOURS_B, 5)).balances(ASSET_OF));
    }

    @Test
    void hours_debited_against_points_credited_do_not_balance() {
        Entry mixed = adjustment(Posting.debit(HOURS_A, 60), Posting.credit(POINTS_A, 60));

        assertFalse(mixed.balances(ASSET_OF));
    }

    @Test
    void a_pending_debit_against_a_posted_credit_does_not_balance() {
        Entry mixed = adjustment(new Posting(HOURS_A, Phase.PENDING, -60), Posting.credit(HOURS_B, 60));

        assertFalse(mixed.balances(ASSET_OF));
    }

    @Test
    void an_entry_balances_when_each_asset_and_phase_sums_to_zero() {
        Entry entry = adjustment(Posting.debit(HOURS_A, 60), Posting.credit(HOURS_B, 60),
                Posting.debit(POINTS_A, 10), Posting.credit(POINTS_B, 10),
                new Posting(HOURS_A, Phase.PENDING, -5), new Posting(HOURS_B, Phase.PENDING, 5));

        assertTrue(entry.balances(ASSET_OF));
    }

    @Test
    void an_entry_naming_an_unknown_account_does_not_balance() {
        Entry entry = adjustment(Posting.debit(HOURS_A, 60), Posting.credit(99, 60));

        assertFalse(entry.balances(ASSET_OF));
    }
}
