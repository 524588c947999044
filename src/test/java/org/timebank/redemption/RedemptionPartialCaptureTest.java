package org.timebank.redemption;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.timebank.redemption.RedemptionFixtures.account;
import static org.timebank.redemption.RedemptionFixtures.code;
import static org.timebank.redemption.RedemptionFixtures.item;
import static org.timebank.redemption.RedemptionFixtures.redeemItem;
import static org.timebank.redemption.RedemptionFixtures.redeemPoints;
import static org.timebank.redemption.RedemptionFixtures.shop;
import static org.timebank.redemption.RedemptionFixtures.sql;
import static org.timebank.redemption.RedemptionFixtures.stock;
import static org.timebank.redemption.RedemptionFixtures.volunteerWith;
import static org.timebank.redemption.RedemptionRefundTest.refund;
import static org.timebank.support.Api.as;
import static org.timebank.support.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.timebank.ledger.LedgerHousekeeping;
import org.timebank.redemption.RedemptionFixtures.Shop;
import org.timebank.support.Api;
import org.timebank.support.LedgerChecks;

/**
 * A held redemption of items is captured by naming the units the volunteer keeps: their price at
 * the hold is posted, the other units go back to stock at once, and refunds afterwards return and
 * restock only what was kept. The stock is read through the catalogue after every step.
 */
@QuarkusTest
class RedemptionPartialCaptureTest {
    @Inject
    LedgerHousekeeping housekeeping;
    @Inject
    DataSource db;

    static Map<String, Object> units(long itemId, int quantity) {
        return Map.of("itemId", itemId, "quantity", quantity);
    }

    static Response capture(Shop shop, long redemption, Object body) {
        return as(shop.operator()).body(body).post("/api/v1/redemptions/" + redemption + "/capture");
    }

    static long holdItems(Shop shop, Api.Volunteer v, List<Map<String, Object>> items) {
        return as(shop.operator()).body(Map.of("shopId", shop.id(), "code", code(v), "items", items, "mode", "HOLD"))
                .post("/api/v1/redemptions").then().statusCode(201).body("status", equalTo("HELD"))
                .extract().jsonPath().getLong("id");
    }

    @Test
    void a_partial_capture_keeps_the_named_items_releases_the_rest_and_refunds_never_exceed_what_was_kept() {
        Api.Tree t = Api.tree();
        Shop shop = shop(t.community());
        long rice = item(shop, 30, 20);
        long oil = item(shop, 25, 10);
        Api.Volunteer v = volunteerWith(t.community(), 200);

        long id = holdItems(shop, v, List.of(units(rice, 3), units(oil, 1)));
        assertEquals(17, stock(shop, rice));
        assertEquals(9, stock(shop, oil));
        assertEquals(85, Api.balance(v, "points.available"));
        assertEquals(115, Api.balance(v, "points.pending"));

        // the volunteer leaves one rice and the oil at the till
        capture(shop, id, Map.of("items", List.of(units(rice, 2)))).then().statusCode(200)
                .body("status", equalTo("CAPTURED")).body("points", equalTo(115)).body("capturedPoints", equalTo(60))
                .body("lines", hasSize(2))
                .body("lines[0].itemId", equalTo((int) rice)).body("lines[0].quantity", equalTo(3))
                .body("lines[0].releasedQuantity", equalTo(1)).body("lines[0].refundedQuantity", equalTo(0))
                .body("lines[1].itemId", equalTo((int) oil)).body("lines[1].quantity", equalTo(1))
                .body("lines[1].releasedQuantity", equalTo(1));
        assertEquals(18, stock(shop, rice));
        assertEquals(10, stock(shop, oil));
        assertEquals(140, Api.balance(v, "points.available"));
        assertEquals(0, Api.balance(v, "points.pending"));
        housekeeping.foldDeltas();
        assertEquals(60, account(shop.settlementAccount()).getLong("balance.creditsPosted"));

        // one kept rice comes back: its held price, and exactly that unit to the shelf
        refund(shop, id, Api.key(), Map.of("items", List.of(units(rice, 1)))).then().statusCode(201)
                .body("points", equalTo(30));
        assertEquals(19, stock(shop, rice));
        assertEquals(170, Api.balance(v, "points.available"));

        // the oil was never kept, so it cannot be returned
        assertProblem(refund(shop, id, Api.key(), Map.of("items", List.of(units(oil, 1)))),
                422, "REFUND_EXCEEDS_REDEMPTION");
        assertEquals(10, stock(shop, oil));

        refund(shop, id, Api.key(), Map.of("points", 20)).then().statusCode(201).body("points", equalTo(20));
        assertEquals(190, Api.balance(v, "points.available"));

        // 10 points are left: the other kept rice (30) is more than that, and so are 11 points
        assertProblem(refund(shop, id, Api.key(), Map.of("items", List.of(units(rice, 1)))),
                422, "REFUND_EXCEEDS_REDEMPTION");
        assertEquals(19, stock(shop, rice));
        assertProblem(refund(shop, id, Api.key(), Map.of("points", 11)), 422, "REFUND_EXCEEDS_REDEMPTION");
        refund(shop, id, Api.key(), Map.of("points", 10)).then().statusCode(201);
        assertProblem(refund(shop, id, Api.key(), Map.of("points", 1)), 422, "REFUND_EXCEEDS_REDEMPTION");
        assertProblem(refund(shop, id, Api.key(), Map.of("items", List.of(units(rice, 1)))),
                422, "REFUND_EXCEEDS_REDEMPTION");

        assertEquals(200, Api.balance(v, "points.available"));
        assertEquals(19, stock(shop, rice), "one kept rice stays with the volunteer, paid back in points");
        assertEquals(10, stock(shop, oil));
        as(shop.operator()).get("/api/v1/redemptions/" + id).then().statusCode(200)
                .body("capturedPoints", equalTo(60)).body("refundedPoints", equalTo(60))
                .body("lines[0].releasedQuantity", equalTo(1)).body("lines[0].refundedQuantity", equalTo(1))
                .body("lines[1].releasedQuantity", equalTo(1)).body("lines[1].refundedQuantity", equalTo(0));
        housekeeping.foldDeltas();
        assertSettlementNet(shop, 0);
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void a_full_capture_keeps_every_item_and_refunds_restock_exactly_the_units_returned() {
        Api.Tree t = Api.tree();
        Shop shop = shop(t.community());
        long rice = item(shop, 30, 20);
        Api.Volunteer v = volunteerWith(t.community(), 200);

        long whole = holdItems(shop, v, List.of(units(rice, 2)));
        assertEquals(18, stock(shop, rice));
        as(shop.operator()).post("/api/v1/redemptions/" + whole + "/capture").then().statusCode(200)
                .body("capturedPoints", equalTo(60)).body("lines[0].releasedQuantity", equalTo(0));
        assertEquals(18, stock(shop, rice));

        // naming every held unit is a full capture too
        long named = holdItems(shop, v, List.of(units(rice, 2)));
        assertEquals(16, stock(shop, rice));
        capture(shop, named, Map.of("items", List.of(units(rice, 2)))).then().statusCode(200)
                .body("capturedPoints", equalTo(60)).body("lines[0].releasedQuantity", equalTo(0));
        assertEquals(16, stock(shop, rice));
        assertEquals(80, Api.balance(v, "points.available"));

        refund(shop, whole, Api.key(), Map.of("items", List.of(units(rice, 1)))).then().statusCode(201)
                .body("points", equalTo(30));
        assertEquals(17, stock(shop, rice));
        refund(shop, whole, Api.key(), Map.of("points", 30)).then().statusCode(201);
        assertProblem(refund(shop, whole, Api.key(), Map.of("items", List.of(units(rice, 1)))),
                422, "REFUND_EXCEEDS_REDEMPTION");
        assertEquals(17, stock(shop, rice));

        refund(shop, named, Api.key(), Map.of("items", List.of(units(rice, 2)))).then().statusCode(201)
                .body("points", equalTo(60));
        assertEquals(19, stock(shop, rice));
        assertProblem(refund(shop, named, Api.key(), Map.of("items", List.of(units(rice, 1)))),
                422, "REFUND_EXCEEDS_REDEMPTION");
        assertProblem(refund(shop, named, Api.key(), Map.of("points", 1)), 422, "REFUND_EXCEEDS_REDEMPTION");
        assertEquals(19, stock(shop, rice));
        assertEquals(200, Api.balance(v, "points.available"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void a_hold_of_items_is_not_captured_by_points_nor_by_items_it_did_not_hold() {
        Api.Tree t = Api.tree();
        Shop shop = shop(t.community());
        long rice = item(shop, 30, 20);
        long oil = item(shop, 25, 10);
        Api.Volunteer v = volunteerWith(t.community(), 200);
        long id = holdItems(shop, v, List.of(units(rice, 2)));
        assertEquals(18, stock(shop, rice));

        assertProblem(capture(shop, id, Map.of("points", 30)), 422, "CAPTURE_ITEMS_REQUIRED");
        assertProblem(capture(shop, id, Map.of("points", 60)), 422, "CAPTURE_ITEMS_REQUIRED");
        assertProblem(capture(shop, id, Map.of("items", List.of(units(rice, 3)))), 422, "CAPTURE_EXCEEDS_HOLD");
        assertProblem(capture(shop, id, Map.of("items", List.of(units(oil, 1)))), 422, "CAPTURE_EXCEEDS_HOLD");
        assertProblem(capture(shop, id, Map.of("items", List.of(units(rice, 1)), "points", 30)),
                422, "REDEMPTION_ITEMS_OR_POINTS");
        assertProblem(capture(shop, id, Map.of("items", List.of())), 400, "VALIDATION_FAILED");

        // none of the refusals moved anything
        as(shop.operator()).get("/api/v1/redemptions/" + id).then().statusCode(200).body("status", equalTo("HELD"))
                .body("lines[0].releasedQuantity", equalTo(0));
        assertEquals(18, stock(shop, rice));
        assertEquals(10, stock(shop, oil));
        assertEquals(60, Api.balance(v, "points.pending"));

        capture(shop, id, Map.of("items", List.of(units(rice, 1)))).then().statusCode(200)
                .body("capturedPoints", equalTo(30));
        assertEquals(19, stock(shop, rice));
        assertEquals(170, Api.balance(v, "points.available"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void a_hold_of_points_is_captured_in_part_by_points_and_never_by_items() {
        Api.Tree t = Api.tree();
        Shop shop = shop(t.community());
        long rice = item(shop, 30, 20);
        Api.Volunteer v = volunteerWith(t.community(), 100);
        long id = redeemPoints(shop, code(v), 40, "HOLD").then().statusCode(201).extract().jsonPath().getLong("id");

        assertProblem(capture(shop, id, Map.of("items", List.of(units(rice, 1)))), 422, "CAPTURE_EXCEEDS_HOLD");
        capture(shop, id, Map.of("points", 25)).then().statusCode(200).body("capturedPoints", equalTo(25))
                .body("lines", hasSize(0));
        assertEquals(75, Api.balance(v, "points.available"));
        assertEquals(20, stock(shop, rice));
        refund(shop, id, Api.key(), Map.of("points", 25)).then().statusCode(201);
        assertProblem(refund(shop, id, Api.key(), Map.of("points", 1)), 422, "REFUND_EXCEEDS_REDEMPTION");
        assertEquals(100, Api.balance(v, "points.available"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void a_voided_hold_says_on_its_lines_that_every_unit_went_back_to_stock() {
        Api.Tree t = Api.tree();
        Shop shop = shop(t.community());
        long rice = item(shop, 30, 20);
        Api.Volunteer v = volunteerWith(t.community(), 100);
        long id = redeemItem(shop, code(v), rice, 2, "HOLD").then().statusCode(201).extract().jsonPath().getLong("id");
        assertEquals(18, stock(shop, rice));

        as(shop.operator()).post("/api/v1/redemptions/" + id + "/void").then().statusCode(200)
                .body("status", equalTo("VOIDED")).body("lines[0].quantity", equalTo(2))
                .body("lines[0].releasedQuantity", equalTo(2));
        assertEquals(20, stock(shop, rice));
        assertEquals(100, Api.balance(v, "points.available"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void the_database_refuses_lines_that_disagree_with_their_redemption() throws Exception {
        Api.Tree t = Api.tree();
        Shop shop = shop(t.community());
        long rice = item(shop, 30, 20);
        Api.Volunteer v = volunteerWith(t.community(), 200);
        long held = holdItems(shop, v, List.of(units(rice, 2)));

        // a capture of 30 points that does not say which rice went back, as the service once wrote it
        SQLException partByPoints = assertThrows(SQLException.class, () -> sql(db, "update redemption "
                + "set status = 'CAPTURED', captured_points = 30, resolved_at = now() where id = ?", held));
        assertEquals("TB201", partByPoints.getSQLState());
        SQLException voidKeepingUnits = assertThrows(SQLException.class, () -> sql(db, "update redemption "
                + "set status = 'VOIDED', resolved_at = now() where id = ?", held));
        assertEquals("TB201", voidKeepingUnits.getSQLState());

        capture(shop, held, Map.of("items", List.of(units(rice, 1)))).then().statusCode(200);
        SQLException returnsReleased = assertThrows(SQLException.class, () -> sql(db,
                "update redemption_line set refunded_quantity = 2 where redemption_id = ?", held));
        assertEquals("23514", returnsReleased.getSQLState(), "check_violation: only the kept unit can come back");
        as(shop.operator()).get("/api/v1/redemptions/" + held).then().body("capturedPoints", equalTo(30))
                .body("lines[0].releasedQuantity", equalTo(1)).body("lines[0].refundedQuantity", equalTo(0));
    }

    /** What the shop's settlement account holds net (fold the deltas first). */
    private static void assertSettlementNet(Shop shop, long expected) {
        JsonPath balance = account(shop.settlementAccount());
        assertEquals(expected, balance.getLong("balance.creditsPosted") - balance.getLong("balance.debitsPosted"));
    }
}
