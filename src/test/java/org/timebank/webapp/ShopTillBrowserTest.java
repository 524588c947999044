package org.timebank.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.timebank.support.Api.as;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.timebank.ledger.LedgerCheckpoints;
import org.timebank.ledger.LedgerHousekeeping;
import org.timebank.redemption.RedemptionFixtures;
import org.timebank.support.Api;
import org.timebank.support.Tokens;
import org.timebank.support.WithDemoData;

/**
 * The shop's screens in Chromium (src/main/webui/e2e/shop-till.mjs), the till's camera faked with
 * a video of the volunteer's payment code: what the cashier did there is what the API holds after.
 */
@QuarkusTest
@TestProfile(WithDemoData.class) // the sign-in page lists the demo identities, which loads them
class ShopTillBrowserTest {

    /** Redemptions made before the day's first customer: more than one page of the shop's list. */
    private static final int EARLIER = 11;

    @TestHTTPResource("/")
    URL root;
    @Inject
    LedgerHousekeeping housekeeping;
    @Inject
    LedgerCheckpoints checkpoints;

    @Test
    void a_cashier_scans_a_code_captures_items_pages_the_redemptions_edits_the_catalogue_and_downloads_the_statement()
            throws Exception {
        Api.Tree t = Api.tree();
        Api.Volunteer v = Api.volunteer(t.community());
        Api.adjust(v.pointsAccount(), "CREDIT", 200).statusCode(201);
        long shop = as(Tokens.admin()).body(Map.of("name", Api.unique("爱心超市"), "kind", "CHARITY_SUPERMARKET",
                "regionId", t.community())).post("/api/v1/shops").then().statusCode(201).extract().jsonPath().getLong("id");
        String operator = Tokens.shop(Long.toString(shop));
        String rice = Api.unique("大米");
        String oil = Api.unique("食用油");
        String soap = Api.unique("肥皂");
        String towel = Api.unique("毛巾");
        as(operator).header("Idempotency-Key", Api.key()).body(List.of(
                        Map.of("name", rice, "pointsPrice", 30, "stock", 20, "active", true),
                        Map.of("name", oil, "pointsPrice", 15, "stock", 9, "active", true),
                        Map.of("name", soap, "pointsPrice", 5, "stock", 40, "active", true)))
                .put("/api/v1/shops/" + shop + "/items").then().statusCode(200);
        for (int i = 0; i < EARLIER; i++) {
            as(operator).header("Idempotency-Key", Api.key())
                    .body(Map.of("shopId", shop, "code", RedemptionFixtures.code(v), "points", 2, "mode", "CAPTURE"))
                    .post("/api/v1/redemptions").then().statusCode(201);
        }

        // the ledger's head signed, so that the statement carries a checkpoint
        housekeeping.seal();
        long checkpoint = checkpoints.signHead().or(checkpoints::latest).orElseThrow().seq();

        Map<String, Object> world = new HashMap<>();
        world.put("checkpoint", checkpoint);
        world.put("shopToken", operator);
        world.put("shopId", shop);
        world.put("code", RedemptionFixtures.code(v));
        world.put("rice", rice);
        world.put("oil", oil);
        world.put("soap", soap);
        world.put("towel", towel);
        world.put("earlier", EARLIER);
        // 11 x 2 earlier, 2 rice and 1 oil at the till; the oil refunded from the list
        world.put("redeemed", EARLIER * 2 + 75);
        world.put("refunded", 15);
        Chromium.run(root, "e2e/shop-till.mjs", world);

        assertEquals(200 - EARLIER * 2 - 75 + 15, Api.balance(v, "points.available"));
        assertEquals(0, Api.balance(v, "points.pending"));
        List<Map<String, Object>> items = as(operator).get("/api/v1/shops/" + shop + "/items").then().statusCode(200)
                .extract().jsonPath().getList("$");
        Map<Object, Map<String, Object>> byName = new HashMap<>();
        items.forEach(i -> byName.put(i.get("name"), i));
        assertEquals(35, byName.get(rice).get("pointsPrice"), "the new price of rice");
        assertEquals(50, byName.get(rice).get("stock"), "the rice counted on the shelf");
        assertEquals(9, byName.get(oil).get("stock"), "the refunded oil back in stock");
        assertEquals(false, byName.get(soap).get("active"), "the soap taken off sale");
        assertEquals(12, byName.get(towel).get("pointsPrice"), "the towel added");
        assertEquals(5, byName.get(towel).get("stock"));
        assertEquals(true, byName.get(towel).get("active"));
    }
}
