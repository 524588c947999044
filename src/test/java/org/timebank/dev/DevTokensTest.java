package org.timebank.dev;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.timebank.support.Api;
import org.timebank.support.WithDemoData;

/**
 * The demo identities of dev mode exist in tests too, for the web app's sign-in picker in its
 * browser tests (WebAppInProductionTest shows that a production build has none).
 */
@QuarkusTest
@TestProfile(WithDemoData.class)
class DevTokensTest {

    @Test
    void every_demo_user_gets_a_token_that_the_api_accepts() {
        List<Map<String, Object>> tokens = given().get("/dev/tokens").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertEquals(7, tokens.size(), tokens.toString());
        for (Map<String, Object> t : tokens) {
            Api.as((String) t.get("token")).get("/api/v1/me").then().statusCode(200)
                    .body("subject", equalTo(t.get("subject")));
        }
        Api.as(token(tokens, "volunteer 张晓明")).get("/api/v1/me").then().body("volunteer.name", equalTo("张晓明"));
        Api.as(token(tokens, "operator of shop 首义爱心超市")).get("/api/v1/me").then()
                .body("shop.name", equalTo("首义爱心超市"));
        Api.as(token(tokens, "staff of 后湖街道 (serves both its communities)")).get("/api/v1/me").then()
                .body("staffRegions.name", hasItem("后湖街道"));
    }

    @Test
    void the_demo_data_is_loaded_once_however_often_the_tokens_are_listed() {
        JsonPath first = given().get("/dev/tokens").then().statusCode(200).extract().jsonPath();
        JsonPath second = given().get("/dev/tokens").then().statusCode(200).extract().jsonPath();
        assertEquals(first.getList("subject"), second.getList("subject"));
        assertEquals(first.getList("regions"), second.getList("regions"));
        assertEquals(first.getList("shop"), second.getList("shop"));
        String admin = token(first.getList("$"), "administrator (whole programme)");
        Api.as(admin).body(Map.of("namePrefix", "张晓明")).post("/api/v1/volunteers/search").then().statusCode(200)
                .body("items.name", equalTo(List.of("张晓明")));
    }

    @Test
    void a_token_for_any_caller_is_minted_on_request() {
        JsonPath minted = given().queryParam("subject", "staff-custom").queryParam("groups", "staff, volunteer")
                .queryParam("regions", "3,8").queryParam("shop", "9").get("/dev/tokens").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("staff-custom"), minted.getList("subject"));
        assertEquals(List.of(List.of("staff", "volunteer")), minted.getList("groups"));
        assertEquals(List.of(List.of(3, 8)), minted.getList("regions"));
        assertEquals(List.of("9"), minted.getList("shop"));
    }

    @SuppressWarnings("unchecked")
    private static String token(List<?> tokens, String who) {
        return tokens.stream().map(t -> (Map<String, Object>) t).filter(t -> who.equals(t.get("who")))
                .map(t -> (String) t.get("token")).findFirst().orElseThrow(() -> new AssertionError(who + " in " + tokens));
    }
}
