package org.timebank.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.timebank.support.Api.as;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.timebank.support.Api;
import org.timebank.support.Tokens;
import org.timebank.support.WithDemoData;

/**
 * The administrators' screens driven in Chromium (src/main/webui/e2e/admin-console.mjs): what the
 * admin set on the screens is what the API then holds.
 */
@QuarkusTest
@TestProfile(WithDemoData.class)
class AdminConsoleBrowserTest {

    @TestHTTPResource("/")
    URL root;

    private static String name(long region) {
        return as(Tokens.admin()).get("/api/v1/regions/" + region).then().statusCode(200).extract().jsonPath().getString("name");
    }

    @Test
    void an_admin_walks_the_tree_sets_a_communitys_rules_funds_its_budget_and_audits_the_ledger() throws Exception {
        Api.Tree t = Api.tree();
        as(Tokens.admin()).body(Map.of("granularityMinutes", 1, "rounding", "DOWN",
                        "effectiveFrom", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusYears(1).toString(),
                        "rates", List.of(Map.of("category", "DEFAULT", "pointsPerHour", 10))))
                .put("/api/v1/regions/" + t.city() + "/conversion-rules").then().statusCode(200);
        String newCommunity = Api.unique("新社区");

        Chromium.run(root, "e2e/admin-console.mjs", Map.of(
                "adminToken", Tokens.admin(),
                "ids", List.of(t.city(), t.district(), t.street(), t.community()),
                "names", List.of(name(t.city()), name(t.district()), name(t.street()), name(t.community())),
                "newCommunity", newCommunity,
                "cityRate", 10,
                "communityRate", 12,
                "expiryMonths", 24,
                "minimumHours", 100,
                "funding", 5000));

        JsonPath conversion = as(Tokens.admin()).get("/api/v1/regions/" + t.community() + "/conversion-rules").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(1, conversion.getList("versions").size(), "one version of the community's own, published once");
        assertEquals(t.community(), conversion.getLong("inForce.regionId"), "the community's own rule is in force");
        assertEquals(12, conversion.getDouble("inForce.rates[0].pointsPerHour"));
        assertEquals(6000, as(Tokens.admin()).get("/api/v1/regions/" + t.community() + "/redemption-rules").then()
                .statusCode(200).extract().jsonPath().getLong("minMinutes"), "100 hours of service before redeeming");
        assertEquals(true, as(Tokens.admin()).get("/api/v1/regions/" + t.community() + "/transfer-rules").then().statusCode(200)
                .extract().jsonPath().getBoolean("hoursGiftsAllowed"));
        assertEquals(24, as(Tokens.admin()).get("/api/v1/regions/" + t.community() + "/points-expiry").then().statusCode(200)
                .extract().jsonPath().getInt("months"));
        JsonPath budget = as(Tokens.admin()).get("/api/v1/regions/" + t.community() + "/budget").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(true, budget.getBoolean("budgeted"));
        assertEquals(5000, budget.getLong("funded"), "funded once, though the button was double-clicked");
        assertEquals(5000, budget.getLong("available"));
        List<String> children = as(Tokens.admin()).get("/api/v1/regions/" + t.street() + "/children").then().statusCode(200)
                .extract().jsonPath().getList("items.name");
        assertTrue(children.contains(newCommunity), "the community created on the screen is under the street: " + children);
    }
}
