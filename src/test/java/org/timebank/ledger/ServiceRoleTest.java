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
            String schema = System.getenv().getOrDefault("TEST_SCHEMA", "timebank_test") + "_roles";
            return Map.of(
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema,
                    "quarkus.datasource.username", SERVICE_ROLE,
                    "quarkus.flyway.schemas", schema,
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

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
