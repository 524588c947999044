package org.timebank.ledger;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.timebank.support.Api.as;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.timebank.support.Api;
import org.timebank.support.Tokens;

/** Invariants 2 and 5: the journal is append-only, and its hash chain exposes any edit. */
@QuarkusTest
class JournalIntegrityTest {
    @Inject
    LedgerHousekeeping housekeeping;
    @Inject
    AgroalDataSource dataSource;

    private long postedTransaction() {
        Api.Volunteer v = Api.volunteer(Api.tree().community());
        return Api.adjust(v.pointsAccount(), "CREDIT", 10).statusCode(201).extract().jsonPath().getLong("id");
    }

    private JsonPath verification() {
        return as(Tokens.admin()).get("/api/v1/ledger/verification").then().statusCode(200).extract().jsonPath();
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void the_journal_refuses_updates_and_deletes_from_any_client() {
        long id = postedTransaction();
        for (String sql : new String[] {
                "update posting set amount = amount * 2 where transaction_id = " + id,
                "delete from posting where transaction_id = " + id,
                "update journal_transaction set memo = 'edited' where id = " + id,
                "delete from journal_transaction where id = " + id,
                "truncate posting"}) {
            SQLException e = assertThrows(SQLException.class, () -> execute(sql), sql);
            assertEquals("TB100", e.getSQLState(), sql);
        }
    }

    @Test
    void an_unbalanced_transaction_cannot_be_committed_even_bypassing_the_posting_function() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("insert into journal_transaction (id, kind, actor) values (-1, 'ADJUSTMENT', 'intruder')");
                s.execute("insert into posting (transaction_id, account_id, phase, amount) values (-1, 1, 0, 5)");
                s.execute("insert into posting (transaction_id, account_id, phase, amount) values (-1, 3, 0, -4)");
                SQLException e = assertThrows(SQLException.class, c::commit);
                assertEquals("TB102", e.getSQLState());
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    @Test
    void the_commit_time_check_reads_the_journal_whatever_the_sessions_search_path() throws SQLException {
        long community = Api.tree().community();
        Api.Volunteer v = Api.volunteer(community);
        Api.Volunteer w = Api.volunteer(community);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                String schema = c.getSchema();
                // a temporary table in front of the journal offers the check a balanced pair of its own
                s.execute("create temp table posting (transaction_id bigint, account_id bigint, phase smallint, amount bigint) "
                        + "on commit drop");
                s.execute("insert into pg_temp.posting values (-2, " + v.pointsAccount() + ", 0, 5), (-2, "
                        + w.pointsAccount() + ", 0, -5)");
                s.execute("set local search_path = pg_temp, " + schema);
                s.execute("insert into " + schema + ".journal_transaction (id, kind, actor) values (-2, 'ADJUSTMENT', 'intruder')");
                s.execute("insert into " + schema + ".posting (transaction_id, account_id, phase, amount) values (-2, "
                        + v.pointsAccount() + ", 0, 5)");
                SQLException e = assertThrows(SQLException.class, c::commit);
                assertEquals("TB101", e.getSQLState(), e.getMessage());
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    @Test
    void every_transaction_is_sealed_into_the_chain_and_the_chain_recomputes() {
        long id = postedTransaction();
        housekeeping.seal();

        as(Tokens.admin()).get("/api/v1/ledger/transactions/" + id).then()
                .body("chain.seq", notNullValue()).body("chain.hash", notNullValue());
        JsonPath v = verification();
        assertTrue(v.getBoolean("valid"), v::prettify);
        assertEquals(0, v.getLong("unsealedTransactions"));
        assertEquals(0, v.getLong("unaccountedTransactions"));
    }

    @Test
    void an_edit_made_behind_the_services_back_is_found_by_verification() throws SQLException {
        long id = postedTransaction();
        housekeeping.seal();
        // an intruder with superuser rights switches off the guard and edits a memo
        execute("alter table journal_transaction disable trigger journal_transaction_append_only");
        try {
            execute("update journal_transaction set memo = 'tampered' where id = " + id);
            JsonPath broken = verification();
            assertFalse(broken.getBoolean("valid"));
            assertEquals(id, broken.getLong("firstMismatchTransactionId"));
        } finally {
            execute("update journal_transaction set memo = 'test' where id = " + id);
            execute("alter table journal_transaction enable trigger journal_transaction_append_only");
        }
        assertTrue(verification().getBoolean("valid"));
    }

    @Test
    void a_transaction_slipped_past_the_sealer_is_reported_as_unaccounted() throws SQLException {
        long id = postedTransaction();
        housekeeping.seal();
        execute("insert into journal_unsealed values (" + id + ")");
        try {
            // queued twice cannot be: it is sealed already, so the queue row is the anomaly the count exposes
            JsonPath v = verification();
            assertEquals(1, v.getLong("unsealedTransactions"));
            assertEquals(-1, v.getLong("unaccountedTransactions"));
            assertFalse(v.getBoolean("valid"));
        } finally {
            execute("delete from journal_unsealed where transaction_id = " + id);
        }
    }

    @Test
    void trial_balance_is_zero_per_asset_and_agrees_with_the_journal() {
        postedTransaction();
        as(Tokens.admin()).get("/api/v1/ledger/trial-balance").then().statusCode(200)
                .body("balanced", equalTo(true))
                .body("assets.find { it.asset == 'POINTS' }.postedNet", equalTo(0))
                .body("assets.find { it.asset == 'POINTS' }.pendingNet", equalTo(0))
                .body("accountsOutOfBalance.size()", equalTo(0));
    }
}
