package org.timebank.redemption;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.timebank.redemption.RedemptionFixtures.code;
import static org.timebank.redemption.RedemptionFixtures.item;
import static org.timebank.redemption.RedemptionFixtures.redeemItem;
import static org.timebank.redemption.RedemptionFixtures.shop;
import static org.timebank.redemption.RedemptionFixtures.sql;
import static org.timebank.redemption.RedemptionFixtures.stock;
import static org.timebank.redemption.RedemptionFixtures.volunteerWith;
import static org.timebank.support.Api.as;
import static org.timebank.support.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
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
 * A capture or a void of a hold past its timeout is 409 HOLD_EXPIRED, whichever of the two sweepers
 * (the ledger's hold expiry, then the redemptions') has run. The timers are off in tests; each
 * test moves the hold's expiry into the past and runs the sweepers itself.
 */
@QuarkusTest
class RedemptionHoldExpiryTest {
    @Inject
    LedgerHousekeeping ledgerHousekeeping;
    @Inject
    RedemptionHousekeeping redemptionHousekeeping;
    @Inject
    DataSource db;

    enum Swept { NOTHING, LEDGER_ONLY, LEDGER_AND_REDEMPTIONS }

    @Test
    void a_capture_past_the_timeout_is_HOLD_EXPIRED_before_any_sweeper_ran() throws Exception {
        assertExpired("capture", Swept.NOTHING);
    }

    @Test
    void a_capture_past_the_timeout_is_HOLD_EXPIRED_after_the_ledger_sweeper_alone() throws Exception {
        assertExpired("capture", Swept.LEDGER_ONLY);
    }

    @Test
    void a_capture_past_the_timeout_is_HOLD_EXPIRED_after_both_sweepers() throws Exception {
        assertExpired("capture", Swept.LEDGER_AND_REDEMPTIONS);
    }

    @Test
    void a_void_past_the_timeout_is_HOLD_EXPIRED_before_any_sweeper_ran() throws Exception {
        assertExpired("void", Swept.NOTHING);
    }

    @Test
    void a_void_past_the_timeout_is_HOLD_EXPIRED_after_the_ledger_sweeper_alone() throws Exception {
        assertExpired("void", Swept.LEDGER_ONLY);
    }

    @Test
    void a_void_past_the_timeout_is_HOLD_EXPIRED_after_both_sweepers() throws Exception {
        assertExpired("void", Swept.LEDGER_AND_REDEMPTIONS);
    }

    @Test
    void a_partial_capture_by_items_past_the_timeout_is_HOLD_EXPIRED_too() throws Exception {
        Api.Tree t = Api.tree();
        Shop shop = shop(t.community());
        long rice = item(shop, 10, 5);
        Api.Volunteer v = volunteerWith(t.community(), 100);
        JsonPath held = redeemItem(shop, code(v), rice, 2, "HOLD").then().statusCode(201).extract().jsonPath();
        sql(db, "update hold set expires_at = now() - interval '1 second' where id = ?", held.getLong("transactionId"));

        assertProblem(as(shop.operator()).body(Map.of("items", List.of(Map.of("itemId", rice, "quantity", 1))))
                .post("/api/v1/redemptions/" + held.getLong("id") + "/capture"), 409, "HOLD_EXPIRED");
        assertEquals(3, stock(shop, rice));
    }

    /**
     * Holds 3 of 5 units (30 points of 100), lets the hold's time pass, runs the sweepers named,
     * and asks for the operation twice (the answer does not change); then lets both sweepers finish,
     * so that the points and the units are back once, whatever was refused before.
     */
    private void assertExpired(String operation, Swept swept) throws SQLException {
        Api.Tree t = Api.tree();
        Shop shop = shop(t.community());
        long rice = item(shop, 10, 5);
        Api.Volunteer v = volunteerWith(t.community(), 100);
        JsonPath held = redeemItem(shop, code(v), rice, 3, "HOLD").then().statusCode(201).extract().jsonPath();
        long id = held.getLong("id");
        long hold = held.getLong("transactionId");
        sql(db, "update hold set expires_at = now() - interval '1 second' where id = ?", hold);

        if (swept != Swept.NOTHING) {
            ledgerHousekeeping.expireHolds();
            assertEquals(100, Api.balance(v, "points.available"), "the ledger released the points");
        }
        if (swept == Swept.LEDGER_AND_REDEMPTIONS) {
            redemptionHousekeeping.sweepExpired();
            assertEquals(5, stock(shop, rice), "the redemption sweeper put the units back");
        }
        String path = "/api/v1/redemptions/" + id + "/" + operation;
        assertProblem(as(shop.operator()).post(path), 409, "HOLD_EXPIRED").body("detail", containsString(Long.toString(hold)));
        assertProblem(as(shop.operator()).header("Accept-Language", "en").post(path), 409, "HOLD_EXPIRED");

        ledgerHousekeeping.expireHolds();
        redemptionHousekeeping.sweepExpired();
        as(shop.operator()).get("/api/v1/redemptions/" + id).then().statusCode(200)
                .body("status", equalTo("EXPIRED")).body("capturedPoints", nullValue())
                .body("lines[0].releasedQuantity", equalTo(3));
        assertEquals(5, stock(shop, rice));
        assertEquals(100, Api.balance(v, "points.available"));
        assertEquals(0, Api.balance(v, "points.pending"));
        assertProblem(as(shop.operator()).post(path), 409, "HOLD_EXPIRED");
        LedgerChecks.assertLedgerSound(ledgerHousekeeping);
    }
}
