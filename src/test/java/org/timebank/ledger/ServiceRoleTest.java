package org.timebank.ledger;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.timebank.support.Api.as;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.timebank.common.Idempotency;
import org.timebank.expiry.PointsExpiryJob;
import org.timebank.leaderboard.LeaderboardJob;
import org.timebank.redemption.RedemptionHousekeeping;
import org.timebank.security.AttemptLimiter;
import org.timebank.servicerequest.ServiceRequestHousekeeping;
import org.timebank.support.Api;
import org.timebank.support.Boards;
import org.timebank.support.LedgerChecks;
import org.timebank.support.Tokens;

/**
 * The production split of roles, against the real PostgreSQL: Flyway migrates as the schema's
 * owner, the service runs as a role that afterMigrate.sql grants only what it needs. The service
 * works in full, and its role can neither edit the journal nor switch off its triggers.
 */
@QuarkusTest
@QuarkusTestResource(value = ServiceRoleTest.SplitRoles.class, restrictToAnnotatedClass = true)
class ServiceRoleTest {
    static final String SERVICE_ROLE = "timebank_service_test";
    static final String SCHEMA = System.getenv().getOrDefault("TEST_SCHEMA", "timebank_test") + "_roles";
    static final OffsetDateTime YESTERDAY_9AM = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(1)
            .withHour(9).withMinute(0).withSecond(0).withNano(0);

    /** Creates the service's login role (once per PostgreSQL cluster) and points the service at it. */
    public static class SplitRoles implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("create role " + SERVICE_ROLE + " login");
            } catch (SQLException e) {
                // 42710: made by an earlier run; 23505: by another build at the same moment
                if (!"42710".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
                    throw new IllegalStateException(e);
                }
            }
            return Map.of(
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + SCHEMA,
                    "quarkus.datasource.username", SERVICE_ROLE,
                    "quarkus.flyway.schemas", SCHEMA,
                    "quarkus.flyway.username", "postgres",
                    // trust authentication asks for none, but Flyway takes its own user only with a password
                    "quarkus.flyway.password", "unused");
        }

        @Override
        public void stop() {}
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    LedgerHousekeeping housekeeping;
    @Inject
    RedemptionHousekeeping redemptions;
    @Inject
    PointsExpiryJob expiry;
    @Inject
    Idempotency idempotency;
    @Inject
    LeaderboardJob leaderboards;
    @Inject
    AttemptLimiter attempts;
    @Inject
    ServiceRequestHousekeeping serviceRequests;

    @Test
    void the_service_runs_as_a_role_that_owns_nothing() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             var r = s.executeQuery("select current_user, (select tableowner from pg_tables "
                     + "where schemaname = current_schema and tablename = 'posting')")) {
            r.next();
            assertEquals(SERVICE_ROLE, r.getString(1));
            assertEquals("postgres", r.getString(2));
        }
    }

    @Test
    void hours_redemption_refund_gift_leaderboards_and_the_background_jobs_all_work_with_its_grants() {
        Api.Tree t = Api.tree();
        as(Tokens.admin()).body(Map.of("granularityMinutes", 1, "rounding", "DOWN",
                        "rates", List.of(Map.of("category", "DEFAULT", "pointsPerHour", 60)),
                        "effectiveFrom", YESTERDAY_9AM.minusDays(30).toString()))
                .put("/api/v1/regions/" + t.city() + "/conversion-rules").then().statusCode(200);
        Api.Volunteer v = Api.volunteer(t.community());
        Api.Volunteer friend = Api.volunteer(t.community());
        long claim = as(Tokens.volunteer(v.id())).body(Map.of("startsAt", YESTERDAY_9AM.toString(),
                        "endsAt", YESTERDAY_9AM.plusMinutes(60).toString()))
                .post("/api/v1/hour-claims").then().statusCode(201).extract().jsonPath().getLong("id");
        as(Tokens.staff("staff-roles", t.street())).body(Map.of("decision", "APPROVE"))
                .post("/api/v1/hour-claims/" + claim + "/decision").then().statusCode(200)
                .body("status", equalTo("APPROVED"));

        long shop = as(Tokens.admin()).body(Map.of("name", Api.unique("爱心超市"), "kind", "CHARITY_SUPERMARKET",
                "regionId", t.community())).post("/api/v1/shops").then().statusCode(201).extract().jsonPath().getLong("id");
        String operator = Tokens.shop(Long.toString(shop));
        String code = as(Tokens.volunteer(v.id())).post("/api/v1/volunteers/" + v.id() + "/payment-codes").then()
                .statusCode(201).extract().jsonPath().getString("code");
        long redemption = as(operator).body(Map.of("shopId", shop, "code", code, "points", 20))
                .post("/api/v1/redemptions").then().statusCode(201).extract().jsonPath().getLong("id");
        // an unknown code is counted against the operator's and the shop's limits
        as(operator).body(Map.of("shopId", shop, "code", "0000000000AAAAAAAAAA", "points", 20))
                .post("/api/v1/redemptions").then().statusCode(422).body("code", equalTo("PAYMENT_CODE_INVALID"));
        as(operator).header("Idempotency-Key", Api.key()).body(Map.of("points", 5))
                .post("/api/v1/redemptions/" + redemption + "/refund").then().statusCode(201);
        as(Tokens.volunteer(v.id())).header("Idempotency-Key", Api.key())
                .body(Map.of("type", "GIFT", "asset", "POINTS", "amount", 5, "toVolunteerId", friend.id()))
                .post("/api/v1/transfers").then().statusCode(201);

        assertEquals(40, Api.balance(v, "points.available"));
        assertEquals(5, Api.balance(friend, "points.available"));

        // a hold past its time (moved there as the owner: the service's role cannot) expires
        long held = as(operator).body(Map.of("shopId", shop, "code", as(Tokens.volunteer(v.id()))
                        .post("/api/v1/volunteers/" + v.id() + "/payment-codes").then().statusCode(201).extract()
                        .jsonPath().getString("code"), "points", 10, "mode", "HOLD"))
                .post("/api/v1/redemptions").then().statusCode(201).extract().jsonPath().getLong("transactionId");
        assertEquals(30, Api.balance(v, "points.available"));
        asOwner("update hold set expires_at = now() - interval '1 second' where id = " + held);
        housekeeping.expireHolds();
        assertEquals(40, Api.balance(v, "points.available"), "the expired hold gave the points back");

        // an opening balance, an adjustment and its reversal (which locks the transaction it reverses)
        as(Tokens.admin()).header("Idempotency-Key", Api.key()).contentType("text/csv")
                .body("volunteer_id,asset,amount,reference\n" + friend.id() + ",HOURS,90,passbook\n")
                .post("/api/v1/ledger/imports").then().statusCode(201);
        assertEquals(90, Api.balance(friend, "hours.minutes"));
        long adjustment = Api.adjust(v.pointsAccount(), "CREDIT", 7).statusCode(201).extract().jsonPath().getLong("id");
        as(Tokens.admin()).header("Idempotency-Key", Api.key()).body(Map.of("reason", "entered twice"))
                .post("/api/v1/ledger/transactions/" + adjustment + "/reversal").then().statusCode(201);
        assertEquals(40, Api.balance(v, "points.available"));

        housekeeping.expireHolds();
        redemptions.sweepExpired();
        expiry.expireDue(Instant.now());
        idempotency.purgeExpired();
        attempts.purge();
        as(Tokens.volunteer(friend.id())).body(Map.of("shownOnBoards", false))
                .put("/api/v1/volunteers/" + friend.id() + "/leaderboard-visibility").then().statusCode(200);
        Boards.settle(leaderboards, dataSource);
        leaderboards.purge();
        as(Tokens.volunteer(v.id())).queryParam("regionId", t.city()).queryParam("period", "ALL")
                .get("/api/v1/leaderboards/rank").then().statusCode(200).body("rank", equalTo(1))
                .body("minutes", equalTo(60));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void service_requests_hold_post_and_release_hours_with_its_grants() {
        Api.Tree t = Api.tree();
        as(Tokens.admin()).body(Map.of("granularityMinutes", 1, "rounding", "DOWN",
                        "rates", List.of(Map.of("category", "MEAL_DELIVERY", "pointsPerHour", 12)),
                        "effectiveFrom", YESTERDAY_9AM.minusDays(30).toString()))
                .put("/api/v1/regions/" + t.community() + "/conversion-rules").then().statusCode(200);
        Api.Volunteer requester = Api.volunteer(t.community());
        Api.Volunteer son = Api.volunteer(t.community());
        Api.Volunteer provider = Api.volunteer(t.community());
        Api.adjust(requester.hoursAccount(), "CREDIT", 120).statusCode(201);
        Api.adjust(son.hoursAccount(), "CREDIT", 90).statusCode(201);
        String staff = Tokens.staff("staff-roles", t.community());
        as(Tokens.volunteer(provider.id())).header("Idempotency-Key", Api.key())
                .body(Map.of("skills", List.of("MEAL_DELIVERY"),
                        "availability", List.of(Map.of("weekday", "MONDAY", "from", "08:00", "to", "18:00"))))
                .put("/api/v1/volunteers/" + provider.id() + "/service-profile").then().statusCode(200);
        as(staff).header("Idempotency-Key", Api.key()).body(Map.of("approved", true, "reason", "独居"))
                .put("/api/v1/volunteers/" + requester.id() + "/service-eligibility").then().statusCode(200);

        // BANK (the default): accepted with a hold, reported, confirmed with a posting of the minutes served
        long bank = postNeed(requester, Map.of());
        serviceStep(Tokens.volunteer(provider.id()), bank, "acceptance", null).then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("settlement", equalTo("BANK"));
        assertEquals(60, Api.balance(requester, "hours.pendingMinutes"));
        serviceStep(Tokens.volunteer(provider.id()), bank, "completion", Map.of("minutesServed", 45)).then()
                .statusCode(200);
        serviceStep(Tokens.volunteer(requester.id()), bank, "confirmation", null).then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("postedMinutes", equalTo(45));
        assertEquals(75, Api.balance(requester, "hours.minutes"));
        assertEquals(0, Api.balance(requester, "hours.pendingMinutes"));
        assertEquals(45, Api.balance(provider, "hours.minutes"));
        assertEquals(9, Api.balance(provider, "points.available"), "45 minutes at 12 points an hour");

        // paid by a linked family member, accepted and then cancelled: the hold is released
        long link = as(Tokens.volunteer(son.id())).header("Idempotency-Key", Api.key())
                .body(Map.of("memberId", requester.id(), "relation", "子女"))
                .post("/api/v1/volunteers/" + son.id() + "/family-links").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        as(Tokens.volunteer(requester.id())).header("Idempotency-Key", Api.key())
                .post("/api/v1/volunteers/" + requester.id() + "/family-links/" + link + "/confirmation").then()
                .statusCode(200);
        long family = postNeed(requester, Map.of("payerType", "FAMILY", "payerVolunteerId", son.id()));
        serviceStep(Tokens.volunteer(provider.id()), family, "acceptance", null).then().statusCode(200);
        assertEquals(60, Api.balance(son, "hours.pendingMinutes"));
        serviceStep(Tokens.volunteer(provider.id()), family, "cancellation", Map.of("reason", "临时有事")).then()
                .statusCode(200).body("status", equalTo("CANCELLED"));
        assertEquals(0, Api.balance(son, "hours.pendingMinutes"));
        assertEquals(90, Api.balance(son, "hours.minutes"));

        // MUTUAL_AID, set on the street: disputed, then resolved by staff with part of the hold posted
        as(Tokens.admin()).header("Idempotency-Key", Api.key()).body(Map.of("settlement", "MUTUAL_AID",
                        "categories", List.of("MEAL_DELIVERY")))
                .put("/api/v1/regions/" + t.street() + "/service-rules").then().statusCode(200);
        long mutual = postNeed(requester, Map.of());
        serviceStep(Tokens.volunteer(provider.id()), mutual, "acceptance", null).then().statusCode(200)
                .body("settlement", equalTo("MUTUAL_AID"));
        serviceStep(Tokens.volunteer(requester.id()), mutual, "dispute", Map.of("reason", "来晚了")).then()
                .statusCode(200).body("status", equalTo("DISPUTED"));
        serviceStep(staff, mutual, "resolution", Map.of("decision", "POST_PART", "minutes", 20, "reason", "各让一步"))
                .then().statusCode(200).body("status", equalTo("RESOLVED")).body("postedMinutes", equalTo(20));
        assertEquals(55, Api.balance(requester, "hours.minutes"));
        assertEquals(0, Api.balance(requester, "hours.pendingMinutes"));
        assertEquals(65, Api.balance(provider, "hours.minutes"));

        as(Tokens.volunteer(provider.id())).get("/api/v1/service-requests?relation=PROVIDER").then().statusCode(200)
                .body("items.size()", equalTo(3));
        as(staff).get("/api/v1/regions/" + t.community() + "/hours-liability").then().statusCode(200);
        serviceRequests.escalate(Instant.now());
        serviceRequests.sweepExpired();
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    /** Posts a need of the requester's own for tomorrow morning, an hour, with these fields besides; returns its id. */
    private static long postNeed(Api.Volunteer requester, Map<String, Object> besides) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1).withHour(9).withMinute(0)
                .withSecond(0).withNano(0);
        Map<String, Object> body = new java.util.HashMap<>(Map.of("category", "MEAL_DELIVERY", "place", "3号楼",
                "windowStartsAt", start.toString(), "windowEndsAt", start.plusHours(3).toString(), "expectedMinutes", 60));
        body.putAll(besides);
        return as(Tokens.volunteer(requester.id())).header("Idempotency-Key", Api.key()).body(body)
                .post("/api/v1/service-requests").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static io.restassured.response.Response serviceStep(String token, long id, String step, Map<String, Object> body) {
        var spec = as(token).header("Idempotency-Key", Api.key());
        if (body != null) {
            spec = spec.body(body);
        }
        return spec.post("/api/v1/service-requests/" + id + "/" + step);
    }

    @Test
    void its_role_can_neither_edit_the_journal_nor_switch_off_the_append_only_triggers() {
        Api.Volunteer v = Api.volunteer(Api.tree().community());
        long id = Api.adjust(v.pointsAccount(), "CREDIT", 10).statusCode(201).extract().jsonPath().getLong("id");
        for (String sql : new String[] {
                "update posting set amount = amount * 2 where transaction_id = " + id,
                "delete from journal_transaction where id = " + id,
                "truncate posting",
                "update journal_chain set hash = hash",
                "alter table posting disable trigger posting_append_only",
                "drop trigger posting_append_only on posting"}) {
            SQLException e = assertThrows(SQLException.class, () -> execute(sql), sql);
            // 42501: permission denied, or must be the table's owner
            assertEquals("42501", e.getSQLState(), sql + ": " + e.getMessage());
        }
    }

    @Test
    void its_role_writes_the_ledger_only_through_the_ledgers_functions() throws SQLException {
        Api.Volunteer v = Api.volunteer(Api.tree().community());
        long id = Api.adjust(v.pointsAccount(), "CREDIT", 10).statusCode(201).extract().jsonPath().getLong("id");
        long counterparty = Api.adjust(v.pointsAccount(), "DEBIT", 1).statusCode(201).extract().jsonPath()
                .getLong("postings.find { it.accountId != " + v.pointsAccount() + " }.accountId");
        // what an intruder holding the service's role would need to forge a balanced, sealed transaction
        for (String sql : new String[] {
                "insert into journal_transaction (id, kind, actor) values (-1, 'ADJUSTMENT', 'intruder')",
                "insert into posting (transaction_id, account_id, phase, amount) values (" + id + ", " + counterparty + ", 1, 5)",
                "insert into journal_unsealed values (" + id + ")",
                "insert into journal_chain (seq, transaction_id, hash) values (-1, " + id + ", sha256('x'))",
                "update account set credits_posted = credits_posted + 1000 where id = " + v.pointsAccount(),
                "insert into account (asset, purpose, owner_type, owner_id) values ('POINTS', 'ADJUSTMENT', 'SYSTEM', 99)",
                "insert into account_delta (account_id, debits_posted, credits_posted, debits_pending, credits_pending) "
                        + "values (" + counterparty + ", 0, 1000, 0, 0)",
                "delete from account_delta",
                "insert into hold (id, debit_account_id, credit_account_id, amount, expires_at) values (" + id + ", "
                        + v.pointsAccount() + ", " + counterparty + ", 1, now())",
                "update hold set status = 'VOIDED', resolved_at = now()",
                "insert into ledger_import (actor, line_count) values ('intruder', 1)",
                "insert into opening_balance (account_id, transaction_id, import_id) values (1, 1, 1)",
                "select 1 from account where id = " + v.pointsAccount() + " for update"}) {
            SQLException e = assertThrows(SQLException.class, () -> execute(sql), sql);
            assertEquals("42501", e.getSQLState(), sql + ": " + e.getMessage());
        }
        // the functions it writes through run as their owner, their search path pinned with pg_temp last
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             var r = s.executeQuery("select string_agg(p.proname, ', ') from pg_proc p "
                     + "where p.pronamespace = current_schema()::regnamespace and p.proname in ('ledger_post', "
                     + "'journal_seal', 'ledger_fold_deltas', 'ledger_open_account', 'ledger_lock_accounts', "
                     + "'ledger_lock_transaction', 'ledger_open_hold', 'ledger_lock_hold', 'ledger_resolve_hold', "
                     + "'ledger_expired_holds', 'ledger_begin_import', 'ledger_record_opening_balance') "
                     + "and not (p.prosecdef and p.proconfig @> array['search_path=' || current_schema || ', pg_temp'])")) {
            r.next();
            assertEquals(null, r.getString(1), "ledger functions that do not run as their owner with a pinned path");
        }
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    private static void asOwner(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + SCHEMA,
                "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
