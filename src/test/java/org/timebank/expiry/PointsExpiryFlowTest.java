package org.timebank.expiry;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.timebank.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.timebank.expiry.domain.PointsExpiry;
import org.timebank.common.Tx;
import org.timebank.ledger.LedgerAccounts;
import org.timebank.ledger.LedgerHousekeeping;
import org.timebank.ledger.LedgerService;
import org.timebank.ledger.domain.AccountPurpose;
import org.timebank.ledger.domain.Asset;
import org.timebank.support.Api;
import org.timebank.support.LedgerChecks;
import org.timebank.support.Parallel;
import org.timebank.support.Tokens;

@QuarkusTest
class PointsExpiryFlowTest {
    static final PointsExpiry ONE_MONTH = new PointsExpiry(1);

    @Inject
    LedgerHousekeeping housekeeping;
    @Inject
    PointsExpiryJob job;
    @Inject
    LedgerService ledger;
    @Inject
    LedgerAccounts accounts;
    @Inject
    Tx tx;

    static void setRule(long regionId, int months) {
        as(Tokens.admin()).body(Map.of("months", months)).put("/api/v1/regions/" + regionId + "/points-expiry")
                .then().statusCode(200);
    }

    static Instant credit(Api.Volunteer v, long points) {
        return OffsetDateTime.parse(Api.adjust(v.pointsAccount(), "CREDIT", points).statusCode(201)
                .extract().jsonPath().getString("createdAt")).toInstant();
    }

    static JsonPath points(Api.Volunteer v) {
        return as(Tokens.volunteer(v.id())).get("/api/v1/volunteers/" + v.id() + "/balance").then().statusCode(200)
                .extract().jsonPath().setRootPath("points");
    }

    static Instant at(JsonPath points) {
        return OffsetDateTime.parse(points.getString("nextExpiry.at")).toInstant();
    }

    @Test
    void unspent_points_past_the_rule_expire_oldest_first_to_the_breakage_account() {
        Api.Tree t = Api.tree();
        setRule(t.city(), 1);
        Api.Volunteer v = Api.volunteer(t.community());
        Instant first = credit(v, 100);
        Instant second = credit(v, 50);
        assumeTrue(ONE_MONTH.expiresAt(second).isAfter(ONE_MONTH.expiresAt(first)),
                "both credits fall due together when earned on a day the next month lacks");
        Api.adjust(v.pointsAccount(), "DEBIT", 30).statusCode(201);

        JsonPath before = points(v);
        assertEquals(70, before.getLong("nextExpiry.points"), "the 30 spent came out of the oldest 100");
        assertEquals(ONE_MONTH.expiresAt(first), at(before));
        assertTrue(before.getString("nextExpiry.at").endsWith("+08:00"), before.getString("nextExpiry.at"));

        // a month after the first credit: its unspent 70 expire, the second credit's 50 do not
        PointsExpiryJob.Run run = job.expireDue(at(before));
        assertTrue(run.points() >= 70, run::toString);
        JsonPath after = points(v);
        assertEquals(50, after.getLong("available"));
        assertEquals(50, after.getLong("posted"));
        assertEquals(50, after.getLong("nextExpiry.points"));
        assertEquals(ONE_MONTH.expiresAt(second), at(after));

        JsonPath history = as(Tokens.admin()).get("/api/v1/volunteers/" + v.id() + "/transactions").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("EXPIRY", history.getString("items[0].kind"));
        assertEquals(-70, history.getLong("items[0].postings[0].amount"));
        JsonPath expiry = as(Tokens.admin()).get("/api/v1/ledger/transactions/" + history.getLong("items[0].transactionId"))
                .then().statusCode(200).body("actor", equalTo("system:points-expiry"))
                .body("sourceType", equalTo("REGION")).body("sourceId", equalTo(Long.toString(t.city())))
                .extract().jsonPath();
        List<Map<String, Object>> postings = expiry.getList("postings");
        assertEquals(2, postings.size());
        Map<String, Object> toBreakage = postings.stream()
                .filter(p -> ((Number) p.get("accountId")).longValue() != v.pointsAccount()).findFirst().orElseThrow();
        assertEquals(70, ((Number) toBreakage.get("amount")).longValue());
        long breakage = ((Number) toBreakage.get("accountId")).longValue();
        JsonPath account = as(Tokens.admin()).get("/api/v1/ledger/accounts/" + breakage).then().statusCode(200)
                .body("purpose", equalTo("BREAKAGE")).body("asset", equalTo("POINTS"))
                .body("ownerType", equalTo("SYSTEM")).body("debitsMustNotExceedCredits", equalTo(false))
                .extract().jsonPath();
        assertTrue(account.getLong("balance.creditsPosted") >= 70);
        LedgerChecks.assertLedgerSound(housekeeping);

        // the same run again finds nothing more to expire
        job.expireDue(at(before));
        assertEquals(50, points(v).getLong("available"));

        // two months on, the second credit has expired too, and nothing is left to expire next
        job.expireDue(Instant.now().plusSeconds(62L * 24 * 3600));
        JsonPath later = points(v);
        assertEquals(0, later.getLong("available"));
        assertNull(later.get("nextExpiry"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void spending_before_the_expiry_leaves_less_to_expire_and_spending_everything_leaves_nothing() {
        Api.Tree t = Api.tree();
        setRule(t.community(), 1);
        Api.Volunteer partly = Api.volunteer(t.community());
        Api.Volunteer fully = Api.volunteer(t.community());
        credit(partly, 80);
        credit(fully, 80);
        Api.adjust(partly.pointsAccount(), "DEBIT", 55).statusCode(201);
        Api.adjust(fully.pointsAccount(), "DEBIT", 80).statusCode(201);
        assertNull(points(fully).get("nextExpiry"));

        job.expireDue(Instant.now().plusSeconds(62L * 24 * 3600));

        assertEquals(0, points(partly).getLong("available"));
        assertEquals("EXPIRY", as(Tokens.admin()).get("/api/v1/volunteers/" + partly.id() + "/transactions").then()
                .statusCode(200).extract().jsonPath().getString("items[0].kind"));
        assertEquals(-25, as(Tokens.admin()).get("/api/v1/volunteers/" + partly.id() + "/transactions").then()
                .extract().jsonPath().getLong("items[0].postings[0].amount"));
        as(Tokens.admin()).get("/api/v1/volunteers/" + fully.id() + "/transactions").then().statusCode(200)
                .body("items[0].kind", equalTo("ADJUSTMENT"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void a_volunteer_in_a_region_without_a_rule_keeps_their_points() {
        Api.Tree t = Api.tree();
        Api.Volunteer v = Api.volunteer(t.community());
        credit(v, 40);
        assertNull(points(v).get("nextExpiry"));

        job.expireDue(Instant.now().plusSeconds(400L * 24 * 3600));

        assertEquals(40, points(v).getLong("available"));
        as(Tokens.admin()).get("/api/v1/volunteers/" + v.id() + "/transactions").then().statusCode(200)
                .body("items[0].kind", equalTo("ADJUSTMENT"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void the_nearest_rule_on_the_path_wins_and_anyone_signed_in_may_read_it() {
        Api.Tree t = Api.tree();
        as(Tokens.staff("staff-x", t.city())).get("/api/v1/regions/" + t.street() + "/points-expiry").then()
                .statusCode(200).body("regionId", equalTo((int) t.street())).body("months", nullValue())
                .body("inheritedFrom", nullValue());
        setRule(t.city(), 24);
        setRule(t.community(), 6);
        as(Tokens.staff("staff-x", t.city())).get("/api/v1/regions/" + t.street() + "/points-expiry").then()
                .statusCode(200).body("months", equalTo(24)).body("inheritedFrom", equalTo((int) t.city()));
        Api.Volunteer v = Api.volunteer(t.community());
        as(Tokens.volunteer(v.id())).get("/api/v1/regions/" + t.community() + "/points-expiry").then()
                .statusCode(200).body("months", equalTo(6)).body("inheritedFrom", equalTo((int) t.community()));
        Instant earned = credit(v, 10);
        assertEquals(new PointsExpiry(6).expiresAt(earned), at(points(v)));
    }

    @Test
    void only_an_admin_sets_a_rule_of_one_to_one_hundred_and_twenty_months_and_a_retry_is_replayed() {
        Api.Tree t = Api.tree();
        as(Tokens.staff("staff-y", t.city())).body(Map.of("months", 12))
                .put("/api/v1/regions/" + t.city() + "/points-expiry").then().statusCode(403);
        as(Tokens.admin()).body(Map.of("months", 0)).put("/api/v1/regions/" + t.city() + "/points-expiry").then()
                .statusCode(400);
        as(Tokens.admin()).body(Map.of("months", 121)).put("/api/v1/regions/" + t.city() + "/points-expiry").then()
                .statusCode(400);
        as(Tokens.admin()).body(Map.of()).put("/api/v1/regions/" + t.city() + "/points-expiry").then()
                .statusCode(400);
        as(Tokens.admin()).body(Map.of("months", 12)).put("/api/v1/regions/999999999/points-expiry").then()
                .statusCode(404).body("code", equalTo("REGION_NOT_FOUND"));

        String key = Api.key();
        as(Tokens.admin()).header("Idempotency-Key", key).body(Map.of("months", 12))
                .put("/api/v1/regions/" + t.city() + "/points-expiry").then().statusCode(200)
                .body("months", equalTo(12)).body("inheritedFrom", equalTo((int) t.city()));
        as(Tokens.admin()).header("Idempotency-Key", key).body(Map.of("months", 12))
                .put("/api/v1/regions/" + t.city() + "/points-expiry").then().statusCode(200)
                .header("Idempotency-Replayed", "true");
        as(Tokens.admin()).header("Idempotency-Key", key).body(Map.of("months", 18))
                .put("/api/v1/regions/" + t.city() + "/points-expiry").then().statusCode(422)
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        setRule(t.city(), 18);
        as(Tokens.admin()).get("/api/v1/regions/" + t.district() + "/points-expiry").then().statusCode(200)
                .body("months", equalTo(18));
    }

    @Test
    void points_reserved_by_a_pending_hold_are_not_expired_until_the_hold_is_released() {
        Api.Tree t = Api.tree();
        setRule(t.city(), 1);
        Api.Volunteer v = Api.volunteer(t.community());
        credit(v, 100);
        long shopSide = tx.inNew(() -> accounts.communityAccount(t.community(), Asset.POINTS,
                AccountPurpose.COMMUNITY_ISSUANCE));
        long hold = tx.inNew(() -> ledger.hold("TEST", "t", "tester", null, v.pointsAccount(), shopSide, 60,
                Duration.ofHours(1)).id());
        Instant later = Instant.now().plusSeconds(62L * 24 * 3600);

        job.expireDue(later);
        JsonPath held = points(v);
        assertEquals(0, held.getLong("available"));
        assertEquals(60, held.getLong("pending"));
        assertEquals(60, held.getLong("posted"));

        tx.inNew(() -> ledger.voidHold(hold, "till"));
        job.expireDue(later);
        assertEquals(0, points(v).getLong("posted"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void runs_at_the_same_time_expire_a_wallet_once() throws Exception {
        Api.Tree t = Api.tree();
        setRule(t.district(), 1);
        List<Api.Volunteer> volunteers = List.of(Api.volunteer(t.community()), Api.volunteer(t.community()),
                Api.volunteer(t.community()));
        for (Api.Volunteer v : volunteers) {
            credit(v, 25);
        }
        Instant later = Instant.now().plusSeconds(62L * 24 * 3600);

        Parallel.run(4, List.of(() -> job.expireDue(later), () -> job.expireDue(later), () -> job.expireDue(later),
                () -> job.expireDue(later)));

        for (Api.Volunteer v : volunteers) {
            assertEquals(0, points(v).getLong("posted"));
            JsonPath history = as(Tokens.admin()).get("/api/v1/volunteers/" + v.id() + "/transactions").then()
                    .statusCode(200).extract().jsonPath();
            assertEquals(List.of("EXPIRY", "ADJUSTMENT"), history.getList("items.kind"));
        }
        LedgerChecks.assertLedgerSound(housekeeping);
    }
}
