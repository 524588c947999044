package org.timebank.ledger.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ChainHashTest {
    private static final Instant AT = Instant.parse("2024-05-01T08:30:00.123456789Z");
    private static final ChainHash.Transaction ADJUSTMENT = new ChainHash.Transaction(7, "ADJUSTMENT", "ACCOUNT", "42",
            "张三", "fix | typo", 3, null, null, AT, List.of(Posting.credit(42, 90), Posting.debit(3, 90)));

    private static ChainHash.Transaction withPostings(ChainHash.Transaction t, List<Posting> postings) {
        return new ChainHash.Transaction(t.id(), t.kind(), t.sourceType(), t.sourceId(), t.actor(), t.memo(),
                t.ruleVersion(), t.reversesId(), t.resolvesId(), t.createdAt(), postings);
    }

    private static ChainHash.Transaction texts(String kind, String sourceType, String sourceId, String actor,
                                               String memo) {
        return new ChainHash.Transaction(1, kind, sourceType, sourceId, actor, memo, null, null, null, Instant.EPOCH,
                List.of(Posting.debit(1, 1), Posting.credit(2, 1)));
    }

    @Test
    void the_canonical_text_joins_the_fields_with_length_prefixed_texts() {
        assertEquals("7|10:ADJUSTMENT|7:ACCOUNT|2:42|2:张三|10:fix | typo|3|~|~|1714552200123456|3:0:-90,42:0:90",
                ChainHash.canonical(ADJUSTMENT));
    }

    @Test
    void nulls_are_written_as_a_tilde() {
        ChainHash.Transaction hold = new ChainHash.Transaction(1, "HOLD", null, null, "system", null, null, null, null,
                Instant.EPOCH, List.of(new Posting(5, Phase.PENDING, -1), new Posting(6, Phase.PENDING, 1)));

        assertEquals("1|4:HOLD|~|~|6:system|~|~|~|~|0|5:1:-1,6:1:1", ChainHash.canonical(hold));
    }

    @Test
    void the_reversed_and_resolved_ids_are_written_in_decimal() {
        ChainHash.Transaction reversal = new ChainHash.Transaction(8, "REVERSAL", "TRANSACTION", "7", "admin", "",
                null, 7L, null, Instant.EPOCH, List.of(Posting.credit(3, 90), Posting.debit(42, 90)));
        ChainHash.Transaction resolution = new ChainHash.Transaction(12, "HOLD_VOID", "HOLD", "11", "admin", null,
                null, null, 11L, Instant.EPOCH, List.of(new Posting(5, Phase.RELEASED, -1),
                new Posting(6, Phase.RELEASED, 1)));

        assertEquals("8|8:REVERSAL|11:TRANSACTION|1:7|5:admin|0:|~|7|~|0|3:0:90,42:0:-90",
                ChainHash.canonical(reversal));
        assertEquals("12|9:HOLD_VOID|4:HOLD|2:11|5:admin|~|~|~|11|0|5:2:-1,6:2:1", ChainHash.canonical(resolution));
    }

    @Test
    void text_lengths_count_code_points_not_bytes_or_utf16_units() {
        // 𠮷 lies outside the BMP: two UTF-16 units, four UTF-8 bytes, one code point
        String canonical = ChainHash.canonical(texts("ADJUSTMENT", null, null, "张三", "𠮷野"));

        assertEquals("1|10:ADJUSTMENT|~|~|2:张三|2:𠮷野|~|~|~|0|1:0:-1,2:0:1", canonical);
    }

    @Test
    void postings_are_ordered_by_account_number_then_phase() {
        List<Posting> resolution = List.of(new Posting(10, Phase.RELEASED, 100), Posting.credit(10, 30),
                new Posting(9, Phase.RELEASED, -100), Posting.debit(9, 30));

        String canonical = ChainHash.canonical(withPostings(ADJUSTMENT, resolution));

        assertEquals("9:0:-30,9:2:-100,10:0:30,10:2:100", canonical.substring(canonical.lastIndexOf('|') + 1));
    }

    @Test
    void the_order_postings_are_given_in_does_not_change_the_hash() {
        List<Posting> reversed = new ArrayList<>(ADJUSTMENT.postings());
        Collections.reverse(reversed);

        assertArrayEquals(ChainHash.next(ChainHash.GENESIS, ADJUSTMENT),
                ChainHash.next(ChainHash.GENESIS, withPostings(ADJUSTMENT, reversed)));
    }

    @Test
    void the_creation_time_is_in_whole_epoch_microseconds() {
        assertEquals("1", timeField(Instant.parse("1970-01-01T00:00:00.000001999Z")));
        assertEquals("-1", timeField(Instant.parse("1969-12-31T23:59:59.999999Z")));
        assertEquals("1714552200123456", timeField(AT));
    }

    private static String timeField(Instant at) {
        ChainHash.Transaction t = new ChainHash.Transaction(1, "HOLD", null, null, "a", null, null, null, null, at,
                List.of(Posting.debit(1, 1), Posting.credit(2, 1)));
        return ChainHash.canonical(t).split("\\|")[9];
    }

    @Test
    void the_hash_is_sha256_of_the_previous_hash_and_the_utf8_canonical_text() {
        // sha256(32 zero bytes || canonical), computed outside Java (the database's sealer does the same)
        assertEquals("f8662557844a821aac1a9f2f7c3dfb6b416414ea469a0676ed5e0c9be2718393",
                ChainHash.hex(ChainHash.next(ChainHash.GENESIS, ADJUSTMENT)));
    }

    @Test
    void the_chain_starts_from_32_zero_bytes() {
        assertEquals("0".repeat(64), ChainHash.hex(ChainHash.GENESIS));
        assertNull(ChainHash.hex(null));
    }

    @Test
    void chaining_from_genesis_is_deterministic_and_depends_on_the_previous_link() {
        ChainHash.Transaction second = texts("HOLD", "ORDER", "o-1", "admin", null);
        byte[] first = ChainHash.next(ChainHash.GENESIS, ADJUSTMENT);
        byte[] chained = ChainHash.next(first, second);

        assertEquals(32, chained.length);
        assertArrayEquals(chained, ChainHash.next(ChainHash.next(ChainHash.GENESIS, ADJUSTMENT), second));
        assertFalse(ChainHash.hex(chained).equals(ChainHash.hex(ChainHash.next(ChainHash.GENESIS, second))));
        assertFalse(ChainHash.hex(chained).equals(
                ChainHash.hex(ChainHash.next(ChainHash.next(ChainHash.GENESIS, second), ADJUSTMENT))));
    }

    @Test
    void moving_a_separator_from_one_text_field_to_the_next_changes_the_hash() {
        ChainHash.Transaction a = texts("ADJUSTMENT", "a|b", "c", "admin", null);
        ChainHash.Transaction b = texts("ADJUSTMENT", "a", "b|c", "admin", null);

        assertFalse(ChainHash.canonical(a).equals(ChainHash.canonical(b)));
        assertFalse(ChainHash.hex(ChainHash.next(ChainHash.GENESIS, a))
                .equals(ChainHash.hex(ChainHash.next(ChainHash.GENESIS, b))));
    }

    @Test
    void a_change_in_any_field_or_posting_changes_the_hash() {
        ChainHash.Transaction t = ADJUSTMENT;
        Map<String, UnaryOperator<ChainHash.Transaction>> changes = Map.ofEntries(
                Map.entry("id", x -> new ChainHash.Transaction(8, x.kind(), x.sourceType(), x.sourceId(), x.actor(),
                        x.memo(), x.ruleVersion(), x.reversesId(), x.resolvesId(), x.createdAt(), x.postings())),
                Map.entry("kind", x -> new ChainHash.Transaction(x.id(), "OPENING_BALANCE", x.sourceType(),
                        x.sourceId(), x.actor(), x.memo(), x.ruleVersion(), x.reversesId(), x.resolvesId(),
                        x.createdAt(), x.postings())),
                Map.entry("source type", x -> new ChainHash.Transaction(x.id(), x.kind(), "IMPORT", x.sourceId(),
                        x.actor(), x.memo(), x.ruleVersion(), x.reversesId(), x.resolvesId(), x.createdAt(),
                        x.postings())),
                Map.entry("source type null", x -> new ChainHash.Transaction(x.id(), x.kind(), null, x.sourceId(),
                        x.actor(), x.memo(), x.ruleVersion(), x.reversesId(), x.resolvesId(), x.createdAt(),
                        x.postings())),
                Map.entry("source id", x -> new ChainHash.Transaction(x.id(), x.kind(), x.sourceType(), "43",
                        x.actor(), x.memo(), x.ruleVersion(), x.reversesId(), x.resolvesId(), x.createdAt(),
                        x.postings())),
                Map.entry("actor", x -> new ChainHash.Transaction(x.id(), x.kind(), x.sourceType(), x.sourceId(),
                        "李四", x.memo(), x.ruleVersion(), x.reversesId(), x.resolvesId(), x.createdAt(),
                        x.postings())),
                Map.entry("memo", x -> new ChainHash.Transaction(x.id(), x.kind(), x.sourceType(), x.sourceId(),
                        x.actor(), "fix | typo.", x.ruleVersion(), x.reversesId(), x.resolvesId(), x.createdAt(),
                        x.postings())),
                Map.entry("memo null", x -> new ChainHash.Transaction(x.id(), x.kind(), x.sourceType(), x.sourceId(),
                        x.actor(), null, x.ruleVersion(), x.reversesId(), x.resolvesId(), x.createdAt(),
                        x.postings())),
                Map.entry("memo empty", x -> new ChainHash.Transaction(x.id(), x.kind(), x.sourceType(),
                        x.sourceId(), x.actor(), "", x.ruleVersion(), x.reversesId(), x.resolvesId(), x.createdAt(),
                        x.postings())),
                Map.entry("rule version", x -> new ChainHash.Transaction(x.id(), x.kind(), x.sourceType(),
                        x.sourceId(), x.actor(), x.memo(), 4, x.reversesId(), x.resolvesId(), x.createdAt(),
                        x.postings())),
                Map.entry("rule version null", x -> new ChainHash.Transaction(x.id(), x.kind(), x.sourceType(),
                        x.sourceId(), x.actor(), x.memo(), null, x.reversesId(), x.resolvesId(), x.createdAt(),
                        x.postings())),
                Map.entry("reverses id", x -> new ChainHash.Transaction(x.id(), x.kind(), x.sourceType(),
                        x.sourceId(), x.actor(), x.memo(), x.ruleVersion(), 6L, x.resolvesId(), x.createdAt(),
                        x.postings())),
                Map.entry("resolves id", x -> new ChainHash.Transaction(x.id(), x.kind(), x.sourceType(),
                        x.sourceId(), x.actor(), x.memo(), x.ruleVersion(), x.reversesId(), 6L, x.createdAt(),
                        x.postings())),
                Map.entry("created at", x -> new ChainHash.Transaction(x.id(), x.kind(), x.sourceType(),
                        x.sourceId(), x.actor(), x.memo(), x.ruleVersion(), x.reversesId(), x.resolvesId(),
                        x.createdAt().plusNanos(1_000), x.postings())),
                Map.entry("amount", x -> withPostings(x, List.of(Posting.credit(42, 91), Posting.debit(3, 91)))),
                Map.entry("account", x -> withPostings(x, List.of(Posting.credit(43, 90), Posting.debit(3, 90)))),
                Map.entry("direction", x -> withPostings(x, List.of(Posting.debit(42, 90), Posting.credit(3, 90)))),
                Map.entry("phase", x -> withPostings(x, List.of(new Posting(42, Phase.PENDING, 90),
                        new Posting(3, Phase.PENDING, -90)))),
                Map.entry("extra posting", x -> withPostings(x, List.of(Posting.credit(42, 90), Posting.debit(3, 90),
                        Posting.credit(44, 1)))));

        Set<String> hashes = new HashSet<>();
        hashes.add(ChainHash.hex(ChainHash.next(ChainHash.GENESIS, t)));
        changes.forEach((field, change) -> {
            String hash = ChainHash.hex(ChainHash.next(ChainHash.GENESIS, change.apply(t)));
            assertTrue(hashes.add(hash),
                    () -> "changing the " + field + " left the hash as it was or as another change made it");
        });
        assertEquals(changes.size() + 1, hashes.size());
    }

    @Test
    void a_sub_microsecond_difference_is_not_part_of_the_hash() {
        ChainHash.Transaction later = new ChainHash.Transaction(7, "ADJUSTMENT", "ACCOUNT", "42", "张三", "fix | typo",
                3, null, null, AT.plusNanos(1), ADJUSTMENT.postings());

        assertArrayEquals(ChainHash.next(ChainHash.GENESIS, ADJUSTMENT), ChainHash.next(ChainHash.GENESIS, later));
    }
}
