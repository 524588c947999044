package org.timebank.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.timebank.support.Api.as;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.timebank.redemption.RedemptionFixtures;
import org.timebank.support.Api;
import org.timebank.support.Tokens;
import org.timebank.support.WithDemoData;

/**
 * The people's screens, driven in Chromium as their users would (src/main/webui/e2e): the service
 * under test serves the built web app, and the browser talks to it and to the real PostgreSQL
 * behind it. Screenshots of each screen go to target/screenshots, or with
 * {@code -Dscreenshots.update=true} to docs/screenshots, which README shows.
 */
@QuarkusTest
@TestProfile(WithDemoData.class) // the sign-in page lists the demo identities, which loads them
class PeoplesDayBrowserTest {

    @TestHTTPResource("/")
    URL root;

    private static long claim(Api.Volunteer v, OffsetDateTime startsAt, int minutes) {
        return as(Tokens.volunteer(v.id())).header("Idempotency-Key", Api.key())
                .body(Map.of("startsAt", startsAt.toString(), "endsAt", startsAt.plusMinutes(minutes).toString()))
                .post("/api/v1/hour-claims").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private void runInChromium(String script, Map<String, Object> world) throws Exception {
        Chromium.run(root, script, world, null, null);
    }

    private void runInChromium(String script, Map<String, Object> world, String cue, Runnable between) throws Exception {
        Chromium.run(root, script, world, cue, between);
    }

    @jakarta.inject.Inject
    org.timebank.leaderboard.LeaderboardJob boards;

    @Test
    void a_volunteer_claims_hours_on_the_phone_and_after_approval_finds_them_on_the_board() throws Exception {
        Api.Tree t = Api.tree();
        as(Tokens.admin()).body(rules(10)).put("/api/v1/regions/" + t.city() + "/conversion-rules").then().statusCode(200);
        Api.Volunteer v = Api.volunteer(t.community());
        String day = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(1).toLocalDate().toString();

        runInChromium("e2e/volunteers-day.mjs", Map.of("volunteerToken", Tokens.volunteer(v.id()), "day", day), "claimed",
                () -> {
                    long claim = as(Tokens.admin()).queryParam("volunteerId", v.id()).get("/api/v1/hour-claims").then()
                            .statusCode(200).extract().jsonPath().getLong("items[0].id");
                    as(Tokens.staff(Api.unique("staff"), t.community())).body(Map.of("decision", "APPROVE"))
                            .post("/api/v1/hour-claims/" + claim + "/decision").then().statusCode(200);
                    boards.fold();
                });

        assertEquals(150, Api.balance(v, "hours.minutes"));
        assertEquals(25, Api.balance(v, "points.available"));
    }

    @Test
    void a_cashier_captures_items_refunds_one_captures_a_hold_in_part_and_voids_another() throws Exception {
        Api.Tree t = Api.tree();
        Api.Volunteer v = Api.volunteer(t.community());
        Api.adjust(v.pointsAccount(), "CREDIT", 200).statusCode(201);
        long shop = as(Tokens.admin()).body(Map.of("name", Api.unique("爱心超市"), "kind", "CHARITY_SUPERMARKET",
                "regionId", t.community())).post("/api/v1/shops").then().statusCode(201).extract().jsonPath().getLong("id");
        String operator = Tokens.shop(Long.toString(shop));
        String rice = Api.unique("大米");
        String oil = Api.unique("食用油");
        as(operator).header("Idempotency-Key", Api.key()).body(List.of(
                        Map.of("name", rice, "pointsPrice", 30, "stock", 20, "active", true),
                        Map.of("name", oil, "pointsPrice", 15, "stock", 9, "active", true)))
                .put("/api/v1/shops/" + shop + "/items").then().statusCode(200);

        runInChromium("e2e/cashiers-day.mjs", Map.of("shopToken", operator, "rice", rice, "oil", oil,
                "codes", List.of(RedemptionFixtures.code(v), RedemptionFixtures.code(v), RedemptionFixtures.code(v))));

        // 75 charged, 30 refunded, 30 of a 60 hold captured, 15 held and voided
        assertEquals(125, Api.balance(v, "points.available"));
        assertEquals(0, Api.balance(v, "points.pending"));
        List<Map<String, Object>> items = as(operator).get("/api/v1/shops/" + shop + "/items").then().statusCode(200)
                .extract().jsonPath().getList("$");
        Map<Object, Object> stock = new HashMap<>();
        items.forEach(i -> stock.put(i.get("name"), i.get("stock")));
        assertEquals(18, stock.get(rice));
        assertEquals(8, stock.get(oil));
    }

    @Test
    void a_long_claim_takes_two_reviewers_and_an_import_with_a_bad_line_imports_nothing() throws Exception {
        Api.Tree t = Api.tree();
        as(Tokens.admin()).body(rules(10)).put("/api/v1/regions/" + t.city() + "/conversion-rules").then().statusCode(200);
        Api.Volunteer v = Api.volunteer(t.community());
        claim(v, OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(1).truncatedTo(ChronoUnit.HOURS).withHour(8), 540);

        runInChromium("e2e/reviewers-day.mjs", Map.of(
                "firstReviewer", Tokens.staff(Api.unique("staff-a"), t.community()),
                "secondReviewer", Tokens.staff(Api.unique("staff-b"), t.street()),
                "adminToken", Tokens.admin(),
                "csv", "volunteer_id,asset,amount,reference\n" + v.id() + ",POINTS,10,good line\n"
                        + "999999999,POINTS,10,nobody\n"));

        assertEquals(540, Api.balance(v, "hours.minutes"));
        assertEquals(90, Api.balance(v, "points.available"), "the approval's points, and none of the import");
    }

    private static Map<String, Object> rules(int pointsPerHour) {
        return new HashMap<>(Map.of("granularityMinutes", 1, "rounding", "DOWN",
                "effectiveFrom", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusYears(1).toString(),
                "rates", List.of(Map.of("category", "DEFAULT", "pointsPerHour", pointsPerHour))));
    }

    @Test
    void staff_approve_a_batch_the_volunteer_sees_the_points_and_the_till_charges_the_qr_code() throws Exception {
        Api.Tree t = Api.tree();
        as(Tokens.admin()).body(rules(10)).put("/api/v1/regions/" + t.city() + "/conversion-rules").then().statusCode(200);
        Api.Volunteer v = Api.volunteer(t.community());
        OffsetDateTime yesterday = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(1).truncatedTo(ChronoUnit.HOURS)
                .withHour(9);
        claim(v, yesterday, 120);
        claim(v, yesterday.plusHours(3), 90);
        long shop = as(Tokens.admin()).body(Map.of("name", Api.unique("爱心超市"), "kind", "CHARITY_SUPERMARKET",
                "regionId", t.community())).post("/api/v1/shops").then().statusCode(201).extract().jsonPath().getLong("id");

        Map<String, Object> world = Map.of(
                "staffToken", Tokens.staff(Api.unique("staff"), t.community()),
                "volunteerToken", Tokens.volunteer(v.id()),
                "shopToken", Tokens.shop(Long.toString(shop)),
                "claims", 2,
                "pointsAfterApproval", 35,
                "charge", 30);
        runInChromium("e2e/peoples-day.mjs", world);

        // what the screens said is what the ledger holds
        assertEquals(5, Api.balance(v, "points.available"));
        assertEquals(210, Api.balance(v, "hours.minutes"));
    }
}
