package org.timebank.ledger;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.timebank.support.Api.as;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.timebank.common.Idempotency;
import org.timebank.support.Api;
import org.timebank.support.Tokens;

@QuarkusTest
class IdempotencyTest {
    @Inject
    Idempotency idempotency;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void keys_are_kept_for_the_retention_then_purged_and_free_again() throws Exception {
        Api.Volunteer v = Api.volunteer(Api.tree().community());
        String key = Api.key();
        as(Tokens.admin()).header("Idempotency-Key", key).body(credit(v.pointsAccount(), 10))
                .post("/api/v1/ledger/adjustments").then().statusCode(201);
        idempotency.purgeExpired();
        assertEquals(1, countKey(key), "a fresh key survives the purge");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // age it past the 48 h retention
            s.execute("update idempotency_key set created_at = now() - interval '49 hours' where key = '" + key + "'");
        }

        assertTrue(idempotency.purgeExpired() >= 1);
        assertEquals(0, countKey(key));
        as(Tokens.admin()).header("Idempotency-Key", key).body(credit(v.pointsAccount(), 10))
                .post("/api/v1/ledger/adjustments").then().statusCode(201).header("Idempotency-Replayed", nullValue());
        assertEquals(20, Api.balance(v, "points.posted"));
    }

    private long countKey(String key) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from idempotency_key where key = '" + key + "'")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static Map<String, Object> credit(long account, long amount) {
        return Map.of("accountId", account, "direction", "CREDIT", "amount", amount, "reason", "idempotency");
    }

    @Test
    void a_retry_with_the_same_key_and_body_replays_the_first_response_without_a_second_effect() {
        Api.Volunteer v = Api.volunteer(Api.tree().community());
        String key = Api.key();
        var first = as(Tokens.admin()).header("Idempotency-Key", key).body(credit(v.pointsAccount(), 10))
                .post("/api/v1/ledger/adjustments").then().statusCode(201)
                .header("Idempotency-Replayed", nullValue()).extract();
        var second = as(Tokens.admin()).header("Idempotency-Key", key).body(credit(v.pointsAccount(), 10))
                .post("/api/v1/ledger/adjustments").then().statusCode(201)
                .header("Idempotency-Replayed", equalTo("true")).extract();

        assertEquals(first.body().asString(), second.body().asString());
        assertEquals(first.header("Location"), second.header("Location"));
        assertEquals(10, Api.balance(v, "points.posted"));
        as(Tokens.admin()).get("/api/v1/volunteers/" + v.id() + "/transactions").then().body("items", hasSize(1));
    }

    @Test
    void the_same_key_with_a_different_body_is_refused_and_has_no_effect() {
        Api.Volunteer v = Api.volunteer(Api.tree().community());
        String key = Api.key();
        as(Tokens.admin()).header("Idempotency-Key", key).body(credit(v.pointsAccount(), 10))
                .post("/api/v1/ledger/adjustments").then().statusCode(201);

        as(Tokens.admin()).header("Idempotency-Key", key).body(credit(v.pointsAccount(), 11))
                .post("/api/v1/ledger/adjustments").then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));

        assertEquals(10, Api.balance(v, "points.posted"));
    }

    @Test
    void keys_are_scoped_to_the_caller() {
        Api.Volunteer v = Api.volunteer(Api.tree().community());
        String key = Api.key();
        as(Tokens.admin()).header("Idempotency-Key", key).body(credit(v.pointsAccount(), 10))
                .post("/api/v1/ledger/adjustments").then().statusCode(201);
        String otherAdmin = Tokens.token("admin-other", java.util.Set.of("admin"), java.util.List.of(), null);

        as(otherAdmin).header("Idempotency-Key", key).body(credit(v.pointsAccount(), 10))
                .post("/api/v1/ledger/adjustments").then().statusCode(201)
                .header("Idempotency-Replayed", nullValue());

        assertEquals(20, Api.balance(v, "points.posted"));
    }

    @Test
    void a_failed_call_stores_nothing_so_the_key_can_be_retried_once_the_cause_is_fixed() {
        Api.Volunteer v = Api.volunteer(Api.tree().community());
        String key = Api.key();
        Map<String, Object> debit = Map.of("accountId", v.pointsAccount(), "direction", "DEBIT", "amount", 5,
                "reason", "spend");
        as(Tokens.admin()).header("Idempotency-Key", key).body(debit).post("/api/v1/ledger/adjustments").then()
                .statusCode(422).body("code", equalTo("INSUFFICIENT_POINTS"));
        Api.adjust(v.pointsAccount(), "CREDIT", 5).statusCode(201);

        as(Tokens.admin()).header("Idempotency-Key", key).body(debit).post("/api/v1/ledger/adjustments").then()
                .statusCode(201).header("Idempotency-Replayed", nullValue());

        assertEquals(0, Api.balance(v, "points.posted"));
    }

    @Test
    void a_retry_that_spells_the_region_id_differently_is_still_the_same_call() {
        Api.Tree t = Api.tree();
        String key = Api.key();
        as(Tokens.admin()).header("Idempotency-Key", key).body(Map.of("minMinutes", 60))
                .put("/api/v1/regions/" + t.community() + "/redemption-rules").then().statusCode(200)
                .header("Idempotency-Replayed", nullValue());
        as(Tokens.admin()).header("Idempotency-Key", key).body(Map.of("minMinutes", 60))
                .put("/api/v1/regions/00" + t.community() + "/redemption-rules").then().statusCode(200)
                .header("Idempotency-Replayed", equalTo("true"));
    }

    @Test
    void volunteer_creation_with_a_key_is_replayed_not_duplicated() {
        long community = Api.tree().community();
        String key = Api.key();
        Map<String, Object> body = Map.of("name", "重试者", "phone", Api.phone(), "homeCommunityId", community);
        long id = as(Tokens.admin()).header("Idempotency-Key", key).body(body).post("/api/v1/volunteers").then()
                .statusCode(201).extract().jsonPath().getLong("id");

        as(Tokens.admin()).header("Idempotency-Key", key).body(body).post("/api/v1/volunteers").then()
                .statusCode(201).header("Idempotency-Replayed", equalTo("true")).body("id", equalTo((int) id));
        // without a key the duplicate is caught by the phone's uniqueness
        as(Tokens.admin()).body(body).post("/api/v1/volunteers").then().statusCode(409)
                .body("code", equalTo("VOLUNTEER_PHONE_EXISTS"));
    }
}
