package org.timebank.ledger.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReversalTest {
    private static final List<Posting> ADJUSTMENT = List.of(Posting.debit(1, 90), Posting.credit(2, 90));

    @Test
    void a_reversal_is_the_mirror_image_of_the_original() {
        Reversal.Allowed allowed = assertInstanceOf(Reversal.Allowed.class,
                Reversal.of(7, TransactionKind.ADJUSTMENT, ADJUSTMENT, "admin", "entered twice"));

        Entry entry = allowed.entry();
        assertEquals(List.of(Posting.credit(1, 90), Posting.debit(2, 90)), entry.postings());
        assertEquals(TransactionKind.REVERSAL, entry.kind());
        assertEquals(7L, entry.reversesId());
        assertEquals("TRANSACTION", entry.sourceType());
        assertEquals("7", entry.sourceId());
        assertEquals("admin", entry.actor());
        assertEquals("entered twice", entry.memo());
        assertNull(entry.resolvesId());
        assertNull(entry.ruleVersion());
    }

    @Test
    void an_original_and_its_reversal_cancel_out_on_every_account() {
        List<Posting> original = List.of(Posting.debit(1, 60), Posting.credit(2, 45), Posting.credit(3, 15),
                Posting.debit(4, 10), Posting.credit(5, 10));
        Entry reversal = ((Reversal.Allowed) Reversal.of(7, TransactionKind.OPENING_BALANCE, original, "admin", null))
                .entry();

        for (long account = 1; account <= 5; account++) {
            final long id = account;
            long net = original.stream().filter(p -> p.accountId() == id).mapToLong(Posting::amount).sum()
                    + reversal.postings().stream().filter(p -> p.accountId() == id).mapToLong(Posting::amount).sum();
            assertEquals(0, net, "account " + id);
        }
        Map<Long, Asset> assets = Map.of(1L, Asset.HOURS, 2L, Asset.HOURS, 3L, Asset.HOURS, 4L, Asset.POINTS,
                5L, Asset.POINTS);
        assertTrue(reversal.balances(assets::get));
    }

    @ParameterizedTest
    @EnumSource(value = TransactionKind.class, names = {"OPENING_BALANCE", "ADJUSTMENT"})
    void a_posted_transaction_may_be_reversed(TransactionKind kind) {
        assertInstanceOf(Reversal.Allowed.class, Reversal.of(7, kind, ADJUSTMENT, "admin", null));
    }

    @ParameterizedTest
    @EnumSource(value = TransactionKind.class, names = {"REVERSAL", "HOLD", "HOLD_POST", "HOLD_VOID", "HOLD_EXPIRY"})
    void reversals_holds_and_hold_resolutions_are_not_reversible(TransactionKind kind) {
        assertEquals(new Reversal.Refused("NOT_REVERSIBLE"), Reversal.of(7, kind, ADJUSTMENT, "admin", null));
    }

    @ParameterizedTest
    @EnumSource(value = Phase.class, names = {"PENDING", "RELEASED"})
    void postings_outside_the_posted_phase_are_not_reversible(Phase phase) {
        List<Posting> original = List.of(Posting.debit(1, 90), Posting.credit(2, 90),
                new Posting(1, phase, -5), new Posting(2, phase, 5));

        assertEquals(new Reversal.Refused("NOT_REVERSIBLE"),
                Reversal.of(7, TransactionKind.ADJUSTMENT, original, "admin", null));
    }
}
