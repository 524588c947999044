package org.timebank.me;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.timebank.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.timebank.support.Api;
import org.timebank.support.Problems;
import org.timebank.support.Tokens;

/** GET /api/v1/me: the first call of every client, answered for every kind of caller. */
@QuarkusTest
class MeApiTest {

    private static JsonPath me(String token) {
        return as(token).get("/api/v1/me").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void a_volunteer_learns_their_id_home_community_and_the_balance_their_wallet_shows() {
        Api.Tree t = Api.tree();
        String name = Api.unique("张晓明");
        long id = as(Tokens.admin()).body(Map.of("name", name, "phone", Api.phone(), "homeCommunityId", t.community()))
                .post("/api/v1/volunteers").then().statusCode(201).extract().jsonPath().getLong("id");
        long points = as(Tokens.admin()).get("/api/v1/volunteers/" + id).then().extract().jsonPath()
                .getLong("accounts.points");
        Api.adjust(points, "CREDIT", 75).statusCode(201);
        String token = Tokens.volunteer(id);

        JsonPath me = me(token);

        assertEquals(Long.toString(id), me.getString("subject"));
        assertEquals(List.of("volunteer"), me.getList("roles"));
        assertEquals(id, me.getLong("volunteer.id"));
        assertEquals(name, me.getString("volunteer.name"));
        assertEquals(t.community(), me.getLong("volunteer.homeCommunity.id"));
        assertEquals("COMMUNITY", me.getString("volunteer.homeCommunity.level"));
        assertEquals(List.of(t.city(), t.district(), t.street(), t.community()),
                me.getList("volunteer.homeCommunity.path", Long.class));
        assertEquals(true, me.getBoolean("volunteer.shownOnBoards"));
        Map<String, Object> balance = as(token).get("/api/v1/volunteers/" + id + "/balance").then().statusCode(200)
                .extract().jsonPath().getMap("$");
        assertEquals(balance, me.getMap("volunteer.balance"));
        assertEquals(75, me.getInt("volunteer.balance.points.available"));
        assertNull(me.get("staffRegions"));
        assertNull(me.get("shop"));
    }

    @Test
    void staff_learn_the_regions_they_serve_and_ids_that_name_no_region_are_left_out() {
        Api.Tree t = Api.tree();
        JsonPath me = me(Tokens.staff("me-staff", t.community(), t.street(), 987_654_321_000L));

        assertEquals("me-staff", me.getString("subject"));
        assertEquals(List.of("staff"), me.getList("roles"));
        assertEquals(List.of(t.street(), t.community()), me.getList("staffRegions.id", Long.class));
        assertEquals(List.of("STREET", "COMMUNITY"), me.getList("staffRegions.level"));
        assertNull(me.get("volunteer"));
        assertEquals(List.of(), me(Tokens.staff("me-staff-nowhere")).getList("staffRegions"));
    }

    @Test
    void a_shop_operator_learns_their_shop() {
        long community = Api.tree().community();
        String name = Api.unique("爱心超市");
        long shop = as(Tokens.admin()).body(Map.of("name", name, "kind", "CHARITY_SUPERMARKET", "regionId", community))
                .post("/api/v1/shops").then().statusCode(201).extract().jsonPath().getLong("id");

        JsonPath me = me(Tokens.shop(Long.toString(shop)));

        assertEquals(List.of("shop"), me.getList("roles"));
        assertEquals(shop, me.getLong("shop.id"));
        assertEquals(name, me.getString("shop.name"));
        assertEquals(community, me.getLong("shop.regionId"));
    }

    @Test
    void an_admin_and_a_caller_of_groups_unknown_here_are_answered_too() {
        JsonPath admin = me(Tokens.admin());
        assertEquals(List.of("admin"), admin.getList("roles"));
        assertNull(admin.get("volunteer"));
        assertNull(admin.get("staffRegions"));

        JsonPath auditor = me(Tokens.token("auditor-1", Set.of("auditor"), List.of(), null));
        assertEquals("auditor-1", auditor.getString("subject"));
        assertEquals(List.of(), auditor.getList("roles"));
    }

    @Test
    void a_token_for_a_volunteer_this_service_does_not_have_is_told_to_sign_in_again() {
        for (String subject : List.of("987654321000", "not-a-number")) {
            String token = Tokens.token(subject, Set.of("volunteer"), List.of(), null);
            Problems.assertProblem(as(token).get("/api/v1/me"), 401, "CALLER_VOLUNTEER_UNKNOWN")
                    .header("WWW-Authenticate", startsWith("Bearer"));
        }
        Problems.assertProblem(as(Tokens.shop("987654321000")).get("/api/v1/me"), 401, "CALLER_SHOP_UNKNOWN");
        Problems.assertProblem(as(Tokens.shop("no-shop")).get("/api/v1/me"), 401, "CALLER_SHOP_UNKNOWN");
        Problems.assertProblem(given().get("/api/v1/me"), 401, "UNAUTHENTICATED");
    }
}
