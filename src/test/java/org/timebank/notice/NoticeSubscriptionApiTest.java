package org.timebank.notice;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.timebank.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.timebank.common.Tx;
import org.timebank.notice.persistence.NoticeStore;
import org.timebank.support.Api;
import org.timebank.support.Tokens;

/** What volunteers agree to receive, and the regions' warning of points about to expire. */
@QuarkusTest
class NoticeSubscriptionApiTest {
    static final String APPROVED = "tpl-claim-approved";
    static final String EXPIRING = "tpl-points-expiring";

    @Inject
    ExpiryWarningJob warnings;
    @Inject
    NoticeStore store;
    @Inject
    Tx tx;

    static io.restassured.response.ValidatableResponse record(long volunteerId, String token, List<Map<String, Object>> choices) {
        return as(token).header("Idempotency-Key", Api.key()).body(Map.of("choices", choices))
                .post("/api/v1/volunteers/" + volunteerId + "/notice-subscriptions").then();
    }

    static Map<String, Object> choice(String template, String decision, boolean always) {
        return Map.of("templateId", template, "decision", decision, "always", always);
    }

    @Test
    void acceptances_add_up_and_a_ban_takes_them_all_away() {
        Api.Volunteer v = Api.volunteer(Api.tree().community());
        String token = Tokens.volunteer(v.id());

        record(v.id(), token, List.of(choice(APPROVED, "ACCEPT", false), choice(APPROVED, "ACCEPT", false),
                choice(EXPIRING, "ACCEPT", true), choice("tpl-claim-rejected", "REJECT", false)))
                .statusCode(200)
                .body("items.find { it.templateId == 'tpl-claim-approved' }.oneTimeGrants", equalTo(2))
                .body("items.find { it.templateId == 'tpl-claim-approved' }.kind", equalTo("CLAIM_APPROVED"))
                .body("items.find { it.templateId == 'tpl-points-expiring' }.always", equalTo(true))
                .body("items.find { it.templateId == 'tpl-points-expiring' }.longTerm", equalTo(true))
                .body("items.find { it.templateId == 'tpl-claim-rejected' }.oneTimeGrants", equalTo(0));

        record(v.id(), token, List.of(choice(APPROVED, "BAN", false), choice(EXPIRING, "REJECT", true))).statusCode(200);

        as(token).get("/api/v1/volunteers/" + v.id() + "/notice-subscriptions").then().statusCode(200)
                .body("items.find { it.templateId == 'tpl-claim-approved' }.oneTimeGrants", equalTo(0))
                .body("items.find { it.templateId == 'tpl-points-expiring' }.always", equalTo(false));
    }

    @Test
    void only_the_volunteer_records_or_reads_their_subscriptions() {
        Api.Tree t = Api.tree();
        Api.Volunteer v = Api.volunteer(t.community());
        Api.Volunteer other = Api.volunteer(t.community());

        record(v.id(), Tokens.volunteer(other.id()), List.of(choice(APPROVED, "ACCEPT", false))).statusCode(404)
                .body("code", equalTo("VOLUNTEER_NOT_FOUND"));
        as(Tokens.volunteer(other.id())).get("/api/v1/volunteers/" + v.id() + "/notice-subscriptions").then()
                .statusCode(404);
        as(Tokens.staff("staff-x", t.community())).get("/api/v1/volunteers/" + v.id() + "/notice-subscriptions").then()
                .statusCode(403);
    }

    @Test
    void unknown_templates_and_always_on_a_one_time_template_are_refused_whole() {
        Api.Volunteer v = Api.volunteer(Api.tree().community());
        String token = Tokens.volunteer(v.id());

        record(v.id(), token, List.of(choice(APPROVED, "ACCEPT", false), choice("tpl-nobody-sends", "ACCEPT", false)))
                .statusCode(422).body("code", equalTo("NOTICE_TEMPLATE_UNKNOWN"));
        record(v.id(), token, List.of(choice(APPROVED, "ACCEPT", true))).statusCode(422)
                .body("code", equalTo("NOTICE_TEMPLATE_NOT_LONG_TERM"));

        as(token).get("/api/v1/volunteers/" + v.id() + "/notice-subscriptions").then().statusCode(200)
                .body("items.find { it.templateId == 'tpl-claim-approved' }.oneTimeGrants", equalTo(0));
    }

    @Test
    void a_retried_acceptance_counts_once_and_a_key_is_required() {
        Api.Volunteer v = Api.volunteer(Api.tree().community());
        String token = Tokens.volunteer(v.id());
        String key = Api.key();
        Map<String, Object> body = Map.of("choices", List.of(choice(APPROVED, "ACCEPT", false)));

        for (int i = 0; i < 2; i++) {
            as(token).header("Idempotency-Key", key).body(body)
                    .post("/api/v1/volunteers/" + v.id() + "/notice-subscriptions").then().statusCode(200);
        }
        as(token).body(body).post("/api/v1/volunteers/" + v.id() + "/notice-subscriptions").then().statusCode(400);

        as(token).get("/api/v1/volunteers/" + v.id() + "/notice-subscriptions").then().statusCode(200)
                .body("items.find { it.templateId == 'tpl-claim-approved' }.oneTimeGrants", equalTo(1));
    }

    @Test
    void volunteers_hear_once_of_points_expiring_within_their_regions_warning_days() {
        Api.Tree t = Api.tree();
        as(Tokens.admin()).body(Map.of("months", 1)).put("/api/v1/regions/" + t.city() + "/points-expiry").then()
                .statusCode(200);
        as(Tokens.admin()).body(Map.of("days", 7)).put("/api/v1/regions/" + t.district() + "/points-expiry-notice")
                .then().statusCode(200).body("days", equalTo(7));
        as(Tokens.volunteer(1)).get("/api/v1/regions/" + t.community() + "/points-expiry-notice").then()
                .statusCode(200).body("days", equalTo(7)).body("inheritedFrom", equalTo((int) t.district()));
        as(Tokens.volunteer(1)).get("/api/v1/regions/" + t.city() + "/points-expiry-notice").then()
                .statusCode(200).body("days", nullValue());
        Api.Volunteer v = Api.volunteer(t.community());
        record(v.id(), Tokens.volunteer(v.id()), List.of(choice(EXPIRING, "ACCEPT", true))).statusCode(200);
        Instant earned = OffsetDateTime.parse(Api.adjust(v.pointsAccount(), "CREDIT", 40).statusCode(201)
                .extract().jsonPath().getString("createdAt")).toInstant();
        Instant expires = new org.timebank.expiry.domain.PointsExpiry(1).expiresAt(earned);

        warnings.warn(expires.minus(Duration.ofDays(10)));
        assertEquals(List.of(), tx.inNew(() -> store.ofVolunteer(v.id())), "not yet within 7 days");

        warnings.warn(expires.minus(Duration.ofDays(3)));
        warnings.warn(expires.minus(Duration.ofDays(2)));

        List<NoticeStore.Row> rows = tx.inNew(() -> store.ofVolunteer(v.id()));
        assertEquals(1, rows.size(), "once per expiry: " + rows);
        assertEquals("POINTS_EXPIRING", rows.get(0).kind());
        assertEquals(EXPIRING, rows.get(0).template());
        assertEquals(true, rows.get(0).payload().replace(" ", "").contains("\"points\":\"40\""), rows.get(0).payload());
    }

    @Test
    void a_refund_is_noticed_to_its_volunteer_with_the_redemption_it_gives_back_to() {
        Api.Tree t = Api.tree();
        long shopId = as(Tokens.admin()).body(Map.of("name", Api.unique("爱心超市"), "kind", "CHARITY_SUPERMARKET",
                "regionId", t.community())).post("/api/v1/shops").then().statusCode(201).extract().jsonPath().getLong("id");
        String operator = Tokens.shop(Long.toString(shopId));
        Api.Volunteer v = Api.volunteer(t.community());
        Api.adjust(v.pointsAccount(), "CREDIT", 50).statusCode(201);
        record(v.id(), Tokens.volunteer(v.id()), List.of(choice("tpl-refunded", "ACCEPT", false))).statusCode(200);
        String code = as(Tokens.volunteer(v.id())).post("/api/v1/volunteers/" + v.id() + "/payment-codes").then()
                .statusCode(201).extract().jsonPath().getString("code");
        long redemption = as(operator).body(Map.of("shopId", shopId, "code", code, "points", 20))
                .post("/api/v1/redemptions").then().statusCode(201).extract().jsonPath().getLong("id");
        assertEquals(List.of(), tx.inNew(() -> store.ofVolunteer(v.id())), "a redemption is not noticed");

        as(operator).header("Idempotency-Key", Api.key()).body(Map.of("points", 5))
                .post("/api/v1/redemptions/" + redemption + "/refund").then().statusCode(201);

        List<NoticeStore.Row> rows = tx.inNew(() -> store.ofVolunteer(v.id()));
        assertEquals(1, rows.size(), rows.toString());
        assertEquals("REDEMPTION_REFUNDED", rows.get(0).kind());
        assertEquals("tpl-refunded", rows.get(0).template());
        String payload = rows.get(0).payload().replace(" ", "");
        assertEquals(true, payload.contains("\"points\":\"5\"") && payload.contains("\"redemptionId\":\"" + redemption + "\""),
                payload);
    }
}
