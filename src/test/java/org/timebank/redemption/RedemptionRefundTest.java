package org.timebank.redemption;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
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
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.timebank.ledger.LedgerHousekeeping;
import org.timebank.redemption.RedemptionFixtures.Shop;
import org.timebank.support.Api;
import org.timebank.support.LedgerChecks;
import org.timebank.support.Parallel;
import org.timebank.support.Tokens;

@QuarkusTest
class RedemptionRefundTest {
    @Inject
    LedgerHousekeeping housekeeping;
    @Inject
    DataSource db;

    static Response refund(Shop shop, long redemption, String key, Map<String, Object> body) {
        var request = as(shop.operator()).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/redemptions/" + redemption + "/refund");
    }

    @Test
    void a_shop_refunds_returned_items_and_points_but_never_more_than_it_captured() {
        Api.Tree t = Api.tree();
        Shop shop = shop(t.community());
        long rice = item(shop, 10, 5);
        Api.Volunteer v = volunteerWith(t.community(), 100);
        long id = redeemItem(shop, code(v), rice, 3, null).then().statusCode(201).extract().jsonPath().getLong("id");
        assertEquals(70, Api.balance(v, "points.available"));

        assertProblem(refund(shop, id, null, Map.of("points", 5)), 400, "IDEMPOTENCY_KEY_REQUIRED");
        String key = Api.key();
        long tx = refund(shop, id, key, Map.of("items", List.of(Map.of("itemId", rice, "quantity", 1)))).then()
                .statusCode(201).body("points", equalTo(10)).body("lines[0].quantity", equalTo(1))
                .extract().jsonPath().getLong("transactionId");
        refund(shop, id, key, Map.of("items", List.of(Map.of("itemId", rice, "quantity", 1)))).then()
                .statusCode(201).header("Idempotency-Replayed", "true").body("transactionId", equalTo((int) tx));
        as(Tokens.admin()).get("/api/v1/ledger/transactions/" + tx).then().body("kind", equalTo("REFUND"));
        assertEquals(80, Api.balance(v, "points.available"));
        assertEquals(3, stock(shop, rice));

        assertProblem(refund(shop, id, Api.key(), Map.of("items", List.of(Map.of("itemId", rice, "quantity", 3)))),
                422, "REFUND_EXCEEDS_REDEMPTION");
        assertProblem(refund(shop, id, Api.key(), Map.of("points", 21)), 422, "REFUND_EXCEEDS_REDEMPTION");
        refund(shop, id, Api.key(), Map.of("points", 20)).then().statusCode(201);
        assertProblem(refund(shop, id, Api.key(), Map.of("points", 1)), 422, "REFUND_EXCEEDS_REDEMPTION");
        assertEquals(100, Api.balance(v, "points.available"));
        as(shop.operator()).get("/api/v1/redemptions/" + id).then().body("refundedPoints", equalTo(30))
                .body("lines[0].refundedQuantity", equalTo(1));
        housekeeping.foldDeltas();
        assertEquals(0, account(shop.settlementAccount()).getLong("balance.creditsPosted")
                - account(shop.settlementAccount()).getLong("balance.debitsPosted"));

        Shop other = shop(t.community());
        assertProblem(refund(other, id, Api.key(), Map.of("points", 1)), 404, "REDEMPTION_NOT_FOUND");
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void only_a_captured_redemption_inside_the_refund_window_is_refunded() throws Exception {
        Api.Tree t = Api.tree();
        Shop shop = shop(t.community());
        Api.Volunteer v = volunteerWith(t.community(), 100);
        long held = redeemPoints(shop, code(v), 10, "HOLD").then().statusCode(201).extract().jsonPath().getLong("id");
        assertProblem(refund(shop, held, Api.key(), Map.of("points", 1)), 409, "REDEMPTION_NOT_CAPTURED");

        long old = redeemPoints(shop, code(v), 10, null).then().statusCode(201).extract().jsonPath().getLong("id");
        sql(db, "update redemption set created_at = now() - interval '31 days', resolved_at = now() - interval '31 days' "
                + "where id = ?", old);
        assertProblem(refund(shop, old, Api.key(), Map.of("points", 1)), 422, "REFUND_WINDOW_CLOSED");
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void concurrent_refunds_of_one_redemption_never_give_back_more_than_it_took() throws Exception {
        Api.Tree t = Api.tree();
        Shop shop = shop(t.community());
        Api.Volunteer v = volunteerWith(t.community(), 100);
        long id = redeemPoints(shop, code(v), 50, null).then().statusCode(201).extract().jsonPath().getLong("id");
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            calls.add(() -> refund(shop, id, Api.key(), Map.of("points", 10)).statusCode());
        }
        Map<Integer, Long> statuses = Parallel.run(12, calls).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertEquals(Map.of(201, 5L, 422, 7L), statuses);
        assertEquals(100, Api.balance(v, "points.available"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void a_shop_reads_its_redemptions_page_by_page_and_its_monthly_statement_as_json_or_csv() {
        Api.Tree t = Api.tree();
        Shop shop = shop(t.community());
        Api.Volunteer v = volunteerWith(t.community(), 100);
        redeemPoints(shop, code(v), 30, null).then().statusCode(201);
        long second = redeemPoints(shop, code(v), 20, null).then().statusCode(201).extract().jsonPath().getLong("id");
        redeemPoints(shop, code(v), 5, "HOLD").then().statusCode(201);
        refund(shop, second, Api.key(), Map.of("points", 8)).then().statusCode(201);

        String cursor = as(shop.operator()).get("/api/v1/shops/" + shop.id() + "/redemptions?limit=2").then()
                .statusCode(200).body("items", hasSize(2)).body("items[1].id", equalTo((int) second))
                .body("nextCursor", notNullValue()).extract().jsonPath().getString("nextCursor");
        as(Tokens.admin()).get("/api/v1/shops/" + shop.id() + "/redemptions?limit=2&cursor=" + cursor).then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].points", equalTo(30));
        Shop other = shop(t.community());
        assertProblem(as(other.operator()).get("/api/v1/shops/" + shop.id() + "/redemptions"), 403, "FORBIDDEN");
        assertProblem(as(Tokens.volunteer(v.id())).get("/api/v1/shops/" + shop.id() + "/redemptions"), 403, "FORBIDDEN");

        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        String statement = "/api/v1/shops/" + shop.id() + "/statements?period=" + month;
        as(shop.operator()).get(statement).then().statusCode(200)
                .body("period", equalTo(month)).body("redeemedPoints", equalTo(50)).body("refundedPoints", equalTo(8))
                .body("netPoints", equalTo(42)).body("lines", hasSize(3)).body("from", startsWith(month + "-01T00:00:00+08:00"));
        String csv = as(shop.operator()).accept("text/csv").get(statement).then().statusCode(200)
                .contentType(startsWith("text/csv")).body(containsString("REFUND,")).extract().asString();
        // the table ends with the net; a ledger checkpoint may follow after a blank line
        assertEquals("NET,,,,,42", csv.lines().takeWhile(l -> !l.isEmpty()).reduce((a, b) -> b).orElseThrow());
        as(Tokens.admin()).get("/api/v1/shops/" + shop.id() + "/statements?period=2001-01").then().statusCode(200)
                .body("netPoints", equalTo(0)).body("lines", hasSize(0));
        assertProblem(as(shop.operator()).get("/api/v1/shops/" + shop.id() + "/statements?period=2026-13"),
                400, "INVALID_PERIOD");
        assertProblem(as(other.operator()).get(statement), 403, "FORBIDDEN");
    }
}
