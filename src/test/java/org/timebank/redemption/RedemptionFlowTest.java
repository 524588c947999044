package org.timebank.redemption;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.timebank.redemption.RedemptionFixtures.account;
import static org.timebank.redemption.RedemptionFixtures.code;
import static org.timebank.redemption.RedemptionFixtures.item;
import static org.timebank.redemption.RedemptionFixtures.redeemItem;
import static org.timebank.redemption.RedemptionFixtures.redeemPoints;
import static org.timebank.redemption.RedemptionFixtures.shop;
import static org.timebank.redemption.RedemptionFixtures.sql;
import static org.timebank.redemption.RedemptionFixtures.stock;
import static org.timebank.redemption.RedemptionFixtures.volunteerWith;
import static org.timebank.support.Api.as;
import static org.timebank.support.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.timebank.ledger.LedgerHousekeeping;
import org.timebank.redemption.RedemptionFixtures.Shop;
import org.timebank.support.Api;
import org.timebank.support.LedgerChecks;
import org.timebank.support.Tokens;

@QuarkusTest
class RedemptionFlowTest {
    @Inject
    LedgerHousekeeping housekeeping;
    @Inject
    RedemptionHousekeeping redemptionHousekeeping;
    @Inject
    DataSource db;

    @Test
    void an_admin_onboards_a_shop_with_a_settlement_account_and_its_operator_fills_the_catalogue() {
        Api.Tree t = Api.tree();
        Shop shop = shop(t.community());
        as(Tokens.volunteer(1)).get("/api/v1/shops/" + shop.id()).then().statusCode(200)
                .body("kind", equalTo("CHARITY_SUPERMARKET")).body("regionId", equalTo((int) t.community()));
        JsonPath settlement = account(shop.settlementAccount());
        assertEquals("SHOP_SETTLEMENT", settlement.getString("purpose"));
        assertEquals("SHOP", settlement.getString("ownerType"));
        assertEquals("POINTS", settlement.getString("asset"));

        long rice = item(shop, 10, 5);
        as(shop.operator()).body(List.of(
                        Map.of("id", rice, "name", "东北大米", "pointsPrice", 12, "stock", 7, "active", true),
                        Map.of("name", "食用油", "pointsPrice", 30, "stock", 2, "active", false)))
                .put("/api/v1/shops/" + shop.id() + "/items").then().statusCode(200).body("$", hasSize(2))
                .body("[0].name", equalTo("东北大米")).body("[0].pointsPrice", equalTo(12)).body("[0].stock", equalTo(7))
                .body("[1].active", equalTo(false));

        assertProblem(as(Tokens.shop(Long.toString(shop.id() + 100000))).body(List.of())
                .put("/api/v1/shops/" + shop.id() + "/items"), 403, "FORBIDDEN");
        assertProblem(as(Tokens.volunteer(1)).body(List.of()).put("/api/v1/shops/" + shop.id() + "/items"),
                403, "FORBIDDEN");
        assertProblem(as(shop.operator()).body(List.of(Map.of("name", "x", "pointsPrice", 0, "stock", 1, "active", true)))
                .put("/api/v1/shops/" + shop.id() + "/items"), 400, "VALIDATION_FAILED");
        assertProblem(as(shop.operator()).body(List.of(Map.of("name", "x", "pointsPrice", 1, "stock", -1, "active", true)))
                .put("/api/v1/shops/" + shop.id() + "/items"), 400, "VALIDATION_FAILED");
        assertProblem(as(Tokens.admin()).body(Map.of("name", "x", "kind", "PARTNER_SHOP", "regionId", t.street()))
                .post("/api/v1/shops"), 422, "NOT_A_COMMUNITY");
        assertProblem(as(shop.operator()).body(Map.of("name", "x", "kind", "PARTNER_SHOP", "regionId", t.community()))
                .post("/api/v1/shops"), 403, "FORBIDDEN");
        assertProblem(as(Tokens.admin()).get("/api/v1/shops/" + (shop.id() + 100000)), 404, "SHOP_NOT_FOUND");
    }

    @Test
    void a_volunteer_pays_for_items_with_a_code_and_the_points_reach_the_shop() {
        Api.Tree t = Api.tree();
        Shop shop = shop(t.community());
        long rice = item(shop, 15, 4);
        Api.Volunteer v = volunteerWith(t.community(), 100);
        JsonPath issued = as(Tokens.volunteer(v.id())).post("/api/v1/volunteers/" + v.id() + "/payment-codes").then()
                .statusCode(201).extract().jsonPath();
        String code = issued.getString("code");
        assertEquals(20, code.length());

        JsonPath r = redeemItem(shop, code, rice, 3, null).then().statusCode(201)
                .body("status", equalTo("CAPTURED")).body("mode", equalTo("CAPTURE")).body("points", equalTo(45))
                .body("capturedPoints", equalTo(45)).body("volunteerId", equalTo((int) v.id()))
                .body("lines[0].quantity", equalTo(3)).body("lines[0].pointsPrice", equalTo(15))
                .extract().jsonPath();

        assertEquals(55, Api.balance(v, "points.available"));
        assertEquals(1, stock(shop, rice));
        housekeeping.foldDeltas();
        assertEquals(45, account(shop.settlementAccount()).getLong("balance.creditsPosted"));
        as(Tokens.admin()).get("/api/v1/ledger/transactions/" + r.getLong("transactionId")).then().statusCode(200)
                .body("kind", equalTo("REDEMPTION"));
        long id = r.getLong("id");
        as(Tokens.volunteer(v.id())).get("/api/v1/redemptions/" + id).then().statusCode(200);
        as(shop.operator()).get("/api/v1/redemptions/" + id).then().statusCode(200);
        as(Tokens.admin()).get("/api/v1/redemptions/" + id).then().statusCode(200);
        assertProblem(as(Tokens.volunteer(v.id() + 100000)).get("/api/v1/redemptions/" + id), 404, "REDEMPTION_NOT_FOUND");
        assertProblem(as(Tokens.shop(Long.toString(shop.id() + 100000))).get("/api/v1/redemptions/" + id),
                404, "REDEMPTION_NOT_FOUND");
        assertProblem(as(Tokens.staff("staff-x", t.city())).get("/api/v1/redemptions/" + id), 403, "FORBIDDEN");
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void a_redemption_the_wallet_cannot_pay_moves_nothing_and_leaves_the_code_usable() {
        Api.Tree t = Api.tree();
        Shop shop = shop(t.community());
        long oil = item(shop, 30, 2);
        Api.Volunteer v = volunteerWith(t.community(), 50);
        String code = code(v);

        assertProblem(redeemItem(shop, code, oil, 2, null), 422, "INSUFFICIENT_POINTS");
        assertEquals(50, Api.balance(v, "points.available"));
        assertEquals(2, stock(shop, oil));

        redeemItem(shop, code, oil, 1, null).then().statusCode(201);
        assertEquals(20, Api.balance(v, "points.available"));
        assertEquals(1, stock(shop, oil));
        assertProblem(redeemItem(shop, code(v), oil, 2, null), 409, "OUT_OF_STOCK");
        assertEquals(20, Api.balance(v, "points.available"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void a_code_is_used_once_expires_and_works_only_at_the_operators_own_shop() throws Exception {
        Api.Tree t = Api.tree();
        Shop shop = shop(t.community());
        Shop other = shop(t.community());
        Api.Volunteer v = volunteerWith(t.community(), 100);
        String code = code(v);

        assertProblem(as(other.operator()).body(Map.of("shopId", shop.id(), "code", code, "points", 5))
                .post("/api/v1/redemptions"), 403, "FORBIDDEN");
        redeemPoints(shop, code.toLowerCase(), 5, null).then().statusCode(201);
        assertProblem(redeemPoints(shop, code, 5, null), 409, "PAYMENT_CODE_USED");
        assertProblem(redeemPoints(shop, "0000000000AAAAAAAAAA", 5, null), 422, "PAYMENT_CODE_INVALID");

        String expiring = code(v);
        sql(db, "update payment_code set expires_at = now() - interval '1 second' where volunteer_id = ? and used_at is null",
                v.id());
        assertProblem(redeemPoints(shop, expiring, 5, null), 422, "PAYMENT_CODE_EXPIRED");

        assertEquals(95, Api.balance(v, "points.available"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void only_the_volunteer_themself_gets_a_payment_code_and_a_redemption_names_items_or_points() {
        Api.Tree t = Api.tree();
        Shop shop = shop(t.community());
        long rice = item(shop, 1, 10);
        Api.Volunteer v = volunteerWith(t.community(), 10);
        String codes = "/api/v1/volunteers/" + v.id() + "/payment-codes";
        assertProblem(as(Tokens.volunteer(v.id() + 1)).post(codes), 403, "FORBIDDEN");
        assertProblem(as(Tokens.admin()).post(codes), 403, "FORBIDDEN");
        assertProblem(as(Tokens.staff("staff-x", t.city())).post(codes), 403, "FORBIDDEN");
        assertProblem(as(shop.operator()).post(codes), 403, "FORBIDDEN");

        String code = code(v);
        assertProblem(as(shop.operator()).body(Map.of("shopId", shop.id(), "code", code)).post("/api/v1/redemptions"),
                422, "REDEMPTION_ITEMS_OR_POINTS");
        assertProblem(as(shop.operator()).body(Map.of("shopId", shop.id(), "code", code, "points", 1,
                "items", List.of(Map.of("itemId", rice, "quantity", 1)))).post("/api/v1/redemptions"),
                422, "REDEMPTION_ITEMS_OR_POINTS");
        assertProblem(as(Tokens.admin()).body(Map.of("shopId", shop.id(), "code", code, "points", 1))
                .post("/api/v1/redemptions"), 403, "FORBIDDEN");
        assertProblem(as(Tokens.volunteer(v.id())).body(Map.of("shopId", shop.id(), "code", code, "points", 1))
                .post("/api/v1/redemptions"), 403, "FORBIDDEN");
        // none of the refusals used the code up
        redeemItem(shop, code, rice, 2, null).then().statusCode(201).body("points", equalTo(2));
    }

    @Test
    void a_held_redemption_is_captured_in_full_or_in_part() {
        Api.Tree t = Api.tree();
        Shop shop = shop(t.community());
        Api.Volunteer v = volunteerWith(t.community(), 100);

        long full = redeemPoints(shop, code(v), 40, "HOLD").then().statusCode(201).body("status", equalTo("HELD"))
                .body("capturedPoints", nullValue()).extract().jsonPath().getLong("id");
        assertEquals(60, Api.balance(v, "points.available"));
        assertEquals(40, Api.balance(v, "points.pending"));
        as(shop.operator()).post("/api/v1/redemptions/" + full + "/capture").then().statusCode(200)
                .body("status", equalTo("CAPTURED")).body("capturedPoints", equalTo(40));
        assertProblem(as(shop.operator()).post("/api/v1/redemptions/" + full + "/capture"), 409, "REDEMPTION_NOT_HELD");
        assertProblem(as(shop.operator()).post("/api/v1/redemptions/" + full + "/void"), 409, "REDEMPTION_NOT_HELD");

        long part = redeemPoints(shop, code(v), 30, "HOLD").then().statusCode(201).extract().jsonPath().getLong("id");
        assertProblem(as(shop.operator()).body(Map.of("points", 31)).post("/api/v1/redemptions/" + part + "/capture"),
                422, "HOLD_AMOUNT_INVALID");
        assertProblem(as(Tokens.shop(Long.toString(shop.id() + 100000))).body(Map.of("points", 10))
                .post("/api/v1/redemptions/" + part + "/capture"), 404, "REDEMPTION_NOT_FOUND");
        as(shop.operator()).body(Map.of("points", 10)).post("/api/v1/redemptions/" + part + "/capture").then()
                .statusCode(200).body("status", equalTo("CAPTURED")).body("capturedPoints", equalTo(10))
                .body("points", equalTo(30));
        assertEquals(50, Api.balance(v, "points.available"));
        assertEquals(0, Api.balance(v, "points.pending"));
        housekeeping.foldDeltas();
        assertEquals(50, account(shop.settlementAccount()).getLong("balance.creditsPosted"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void a_voided_or_expired_hold_gives_back_the_points_and_the_stock() throws Exception {
        Api.Tree t = Api.tree();
        Shop shop = shop(t.community());
        long rice = item(shop, 10, 5);
        Api.Volunteer v = volunteerWith(t.community(), 100);

        long voided = redeemItem(shop, code(v), rice, 2, "HOLD").then().statusCode(201).extract().jsonPath().getLong("id");
        assertEquals(3, stock(shop, rice));
        assertEquals(80, Api.balance(v, "points.available"));
        as(shop.operator()).post("/api/v1/redemptions/" + voided + "/void").then().statusCode(200)
                .body("status", equalTo("VOIDED"));
        assertEquals(5, stock(shop, rice));
        assertEquals(100, Api.balance(v, "points.available"));

        JsonPath held = redeemItem(shop, code(v), rice, 3, "HOLD").then().statusCode(201).extract().jsonPath();
        assertEquals(2, stock(shop, rice));
        sql(db, "update hold set expires_at = now() - interval '1 second' where id = ?", held.getLong("transactionId"));
        assertEquals(0, redemptionHousekeeping.sweepExpired(), "the ledger has not expired the hold yet");
        housekeeping.expireHolds();
        assertEquals(1, redemptionHousekeeping.sweepExpired());
        assertEquals(0, redemptionHousekeeping.sweepExpired());
        as(shop.operator()).get("/api/v1/redemptions/" + held.getLong("id")).then().statusCode(200)
                .body("status", equalTo("EXPIRED"));
        assertEquals(5, stock(shop, rice));
        assertEquals(100, Api.balance(v, "points.available"));
        assertEquals(0, Api.balance(v, "points.pending"));
        assertProblem(as(shop.operator()).post("/api/v1/redemptions/" + held.getLong("id") + "/capture"),
                409, "HOLD_EXPIRED");
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void a_volunteer_below_the_inherited_threshold_of_confirmed_service_cannot_redeem() throws Exception {
        Api.Tree t = Api.tree();
        Shop shop = shop(t.community());
        as(Tokens.admin()).body(Map.of("minMinutes", 6000)).put("/api/v1/regions/" + t.city() + "/redemption-rules")
                .then().statusCode(200).body("minMinutes", equalTo(6000)).body("inheritedFrom", equalTo((int) t.city()));
        as(Tokens.staff("s", t.street())).body(Map.of("minMinutes", 1))
                .put("/api/v1/regions/" + t.city() + "/redemption-rules").then().statusCode(403);
        as(Tokens.volunteer(1)).get("/api/v1/regions/" + t.community() + "/redemption-rules").then().statusCode(200)
                .body("minMinutes", equalTo(6000)).body("inheritedFrom", equalTo((int) t.city()));
        Api.Volunteer v = volunteerWith(t.community(), 100);
        String code = code(v);

        assertProblem(redeemPoints(shop, code, 5, null), 422, "REDEMPTION_THRESHOLD_NOT_MET");
        assertEquals(100, Api.balance(v, "points.available"));
        Api.adjust(v.hoursAccount(), "CREDIT", 6000).statusCode(201);
        redeemPoints(shop, code, 5, null).then().statusCode(201);

        // a community may lift what it inherits
        as(Tokens.admin()).body("{}").put("/api/v1/regions/" + t.community() + "/redemption-rules").then()
                .statusCode(200).body("minMinutes", nullValue()).body("inheritedFrom", equalTo((int) t.community()));
        redeemPoints(shop, code(volunteerWith(t.community(), 10)), 5, null).then().statusCode(201);
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void a_retried_redemption_is_replayed_not_charged_twice_and_an_inactive_item_is_not_sold() {
        Api.Tree t = Api.tree();
        Shop shop = shop(t.community());
        long rice = item(shop, 10, 5);
        Api.Volunteer v = volunteerWith(t.community(), 100);
        String code = code(v);
        String key = Api.key();
        Map<String, Object> body = Map.of("shopId", shop.id(), "code", code, "points", 25);

        long id = as(shop.operator()).header("Idempotency-Key", key).body(body).post("/api/v1/redemptions").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        as(shop.operator()).header("Idempotency-Key", key).body(body).post("/api/v1/redemptions").then()
                .statusCode(201).header("Idempotency-Replayed", "true").body("id", equalTo((int) id));
        assertEquals(75, Api.balance(v, "points.available"));

        as(shop.operator()).body(List.of(Map.of("id", rice, "name", "大米", "pointsPrice", 10, "stock", 5, "active", false)))
                .put("/api/v1/shops/" + shop.id() + "/items").then().statusCode(200);
        assertProblem(redeemItem(shop, code(v), rice, 1, null), 422, "SHOP_ITEM_NOT_FOUND");
        assertEquals(5, stock(shop, rice));
        assertEquals(75, Api.balance(v, "points.available"));
    }
}
