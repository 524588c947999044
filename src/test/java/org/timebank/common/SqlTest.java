package org.timebank.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.timebank.ledger.domain.Asset;

/** The one SQL idiom: binding by type, and deferred writes that travel with the next statement. */
@QuarkusTest
class SqlTest {
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Inject
    Sql sql;
    @Inject
    Tx tx;

    @BeforeEach
    void table() {
        tx.inNew(() -> sql.update("create table if not exists sql_test (id bigint primary key, note text, at timestamptz, "
                + "ids bigint[], flags boolean[])"));
    }

    private long count(long id) {
        return tx.inNew(() -> sql.single("select count(*) from sql_test where id = ?", r -> r.getLong(1), id));
    }

    @Test
    void arguments_bind_by_their_java_type_and_typed_nulls_by_theirs() {
        long id = IDS.incrementAndGet();
        Instant at = Instant.parse("2026-11-30T08:00:00.123456Z");
        tx.inNew(() -> sql.update("insert into sql_test (id, note, at, ids, flags) values (?, ?, ?, ?, ?)", id, Asset.HOURS,
                at, new Long[] {3L, 1L}, Sql.booleans(new Boolean[] {true, false})));
        List<String> row = tx.inNew(() -> sql.single("select note, at, ids[2], flags[1] from sql_test where id = ?",
                r -> List.of(r.getString(1), r.getObject(2, OffsetDateTime.class).toInstant().toString(),
                        Long.toString(r.getLong(3)), Boolean.toString(r.getBoolean(4))), id));
        assertEquals(List.of("HOURS", at.toString(), "1", "true"), row);
        tx.inNew(() -> sql.update("update sql_test set note = ? where id = ?", Sql.nullOf(Types.VARCHAR), id));
        int nulls = tx.inNew(() -> sql.single("select count(*) from sql_test where id = ? and note is null",
                r -> r.getInt(1), id));
        assertEquals(1, nulls);
    }

    @Test
    void a_deferred_write_goes_out_with_the_next_statement_and_the_next_statement_sees_it() {
        long id = IDS.incrementAndGet();
        long seen = tx.inNew(() -> {
            sql.defer("insert into sql_test (id, note) values (?, ?)", id, "deferred");
            return sql.single("select count(*) from sql_test where id = ?", r -> r.getLong(1), id);
        });
        assertEquals(1, seen);
        assertEquals(1, count(id));
    }

    @Test
    void a_deferred_write_is_not_sent_when_deferred_its_failure_surfaces_with_the_next_round_trip_and_rolls_back_all() {
        long id = IDS.incrementAndGet();
        long other = IDS.incrementAndGet();
        RuntimeException e = assertThrows(RuntimeException.class, () -> tx.inNew(() -> {
            sql.update("insert into sql_test (id) values (?)", other);
            sql.defer("insert into sql_test (id) values (?)", id);
            // a duplicate key: deferring it throws nothing, since nothing was sent
            sql.defer("insert into sql_test (id) values (?)", id);
            return sql.update("update sql_test set note = 'never' where id = ?", other);
        }));
        assertEquals("23505", SqlErrors.sqlState(e));
        assertEquals(0, count(id));
        assertEquals(0, count(other));
    }

    @Test
    void deferred_writes_left_at_the_end_of_a_transaction_are_sent_before_it_commits() {
        long id = IDS.incrementAndGet();
        // Tx sends them itself; a transaction begun elsewhere sends them before completion
        tx.inNew(() -> {
            sql.defer("insert into sql_test (id, note) values (?, 'by Tx')", id);
            return null;
        });
        long other = IDS.incrementAndGet();
        QuarkusTransaction.requiringNew().run(() -> sql.defer("insert into sql_test (id, note) values (?, 'at completion')", other));
        assertEquals(1, count(id));
        assertEquals(1, count(other));
    }

    @Test
    void a_failure_of_a_write_sent_at_completion_rolls_the_transaction_back() {
        long id = IDS.incrementAndGet();
        tx.inNew(() -> sql.update("insert into sql_test (id) values (?)", id));
        long other = IDS.incrementAndGet();
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            sql.update("insert into sql_test (id) values (?)", other);
            sql.defer("insert into sql_test (id) values (?)", id);
        }));
        assertEquals(0, count(other));
    }

    @Test
    void deferring_outside_a_transaction_is_a_programming_error() {
        assertThrows(IllegalStateException.class, () -> sql.defer("select 1"));
    }

    @Test
    void many_deferred_writes_and_a_query_make_one_statement_list_in_order() {
        long first = IDS.incrementAndGet();
        List<String> notes = tx.inNew(() -> {
            for (int i = 0; i < 5; i++) {
                sql.defer("insert into sql_test (id, note) values (?, ?)", first + 1000 + i, "n" + i);
            }
            sql.defer("update sql_test set note = note || '!' where id = ?", first + 1002);
            return sql.list("select note from sql_test where id between ? and ? order by id", r -> r.getString(1),
                    first + 1000, first + 1004);
        });
        assertEquals(List.of("n0", "n1", "n2!", "n3", "n4"), notes);
        assertTrue(count(first + 1004) == 1);
    }
}
