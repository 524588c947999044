package org.timebank.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The ledger's per-request functions keep one generic plan per statement (V14_7), and so do the
 * service's own prepared statements (application.properties): with the
 * default plan cache mode, the statements over unnest of the postings' arrays were planned afresh
 * on every call, the largest part of a posting's database CPU. Every other test runs the postings
 * on these plans; this one keeps the setting from being lost when a function is replaced (CREATE
 * OR REPLACE keeps it, DROP and CREATE does not).
 */
@QuarkusTest
class LedgerFunctionPlansTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void the_per_request_ledger_functions_keep_a_generic_plan() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*), string_agg(p.proname, ', ' order by p.proname) "
                     + "filter (where not coalesce(p.proconfig @> array['plan_cache_mode=force_generic_plan'], false)) "
                     + "from pg_proc p where p.pronamespace = current_schema()::regnamespace and p.proname in ("
                     + "'ledger_post', 'ledger_lock_parties', 'ledger_lock_accounts', 'ledger_open_account', "
                     + "'ledger_lock_transaction', 'ledger_lock_hold', 'ledger_resolve_hold', "
                     + "'check_transaction_balanced', 'idempotency_claim', 'redemption_line_agrees', "
                     + "'redemption_resolution_agrees', 'assert_redemption_lines_agree')")) {
            r.next();
            assertEquals(12, r.getInt(1), "the functions named are all there");
            assertEquals(null, r.getString(2), "functions that replan every call");
        }
    }

    @Test
    void the_service_s_own_statements_keep_a_generic_plan_too() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("show plan_cache_mode")) {
            r.next();
            assertEquals("force_generic_plan", r.getString(1), "quarkus.datasource.jdbc.new-connection-sql");
        }
    }
}
