package org.timebank.redemption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.timebank.redemption.RedemptionFixtures.code;
import static org.timebank.redemption.RedemptionFixtures.redeemPoints;
import static org.timebank.redemption.RedemptionFixtures.shop;
import static org.timebank.redemption.RedemptionFixtures.sql;
import static org.timebank.redemption.RedemptionFixtures.volunteerWith;
import static org.timebank.support.Api.as;
import static org.timebank.support.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.timebank.security.RateLimitConfig;
import org.timebank.support.Api;
import org.timebank.support.Tokens;

/**
 * Unknown payment codes are limited per shop operator and per shop: whoever enumerates codes varies
 * the code itself, so the keys are who guesses and where, never the code. Past a limit every code,
 * a valid one included, is a 429 TOO_MANY_ATTEMPTS with Retry-After, and the valid code stays
 * unused for the volunteer to show again.
 */
@QuarkusTest
class PaymentCodeAttemptLimitTest {
    static final String UNKNOWN = "0000000000AAAAAAAAAA";

    @Inject
    DataSource db;
    @Inject
    RateLimitConfig limits;

    private static Response redeem(String operator, long shopId, String code) {
        return as(operator).body(Map.of("shopId", shopId, "code", code, "points", 5)).post("/api/v1/redemptions");
    }

    private static void guessUnknown(String operator, long shopId, int times) {
        for (int i = 0; i < times; i++) {
            assertProblem(redeem(operator, shopId, UNKNOWN), 422, "PAYMENT_CODE_INVALID");
        }
    }

    private void assertTooManyAttempts(Response response) {
        assertProblem(response, 429, "TOO_MANY_ATTEMPTS");
        long seconds = Long.parseLong(response.header("Retry-After"));
        assertTrue(seconds >= 1 && seconds <= limits.paymentCode().window().toSeconds(), () -> "Retry-After " + seconds);
    }

    @Test
    void past_the_operators_limit_a_valid_code_is_refused_and_stays_usable() {
        long community = Api.tree().community();
        RedemptionFixtures.Shop shop = shop(community);
        RedemptionFixtures.Shop other = shop(community);
        Api.Volunteer v = volunteerWith(community, 100);
        String code = code(v);

        guessUnknown(shop.operator(), shop.id(), limits.paymentCode().perCaller());
        assertTooManyAttempts(redeem(shop.operator(), shop.id(), code));
        assertEquals(100, Api.balance(v, "points.available"));

        redeemPoints(other, code, 5, null).then().statusCode(201);
        assertEquals(95, Api.balance(v, "points.available"));
    }

    @Test
    void past_the_shops_limit_every_operator_of_that_shop_is_refused_and_other_shops_are_not() {
        long community = Api.tree().community();
        RedemptionFixtures.Shop shop = shop(community);
        RedemptionFixtures.Shop other = shop(community);
        int perCaller = limits.paymentCode().perCaller();
        int perShop = limits.paymentCode().perShop();
        Api.Volunteer v = volunteerWith(community, 100);

        String first = operatorOf(shop, "till-1");
        guessUnknown(first, shop.id(), perCaller);
        // one till's limit is its own: the next till of the shop still redeems
        redeem(operatorOf(shop, "till-2"), shop.id(), code(v)).then().statusCode(201);
        for (int wrong = perCaller, till = 3; wrong < perShop; wrong += perCaller, till++) {
            guessUnknown(operatorOf(shop, "till-" + till), shop.id(), Math.min(perCaller, perShop - wrong));
        }

        assertTooManyAttempts(redeem(operatorOf(shop, "till-fresh"), shop.id(), code(v)));
        redeem(other.operator(), other.id(), code(v)).then().statusCode(201);
    }

    @Test
    void used_and_expired_codes_are_not_guesses_and_do_not_count() throws SQLException {
        long community = Api.tree().community();
        RedemptionFixtures.Shop shop = shop(community);
        Api.Volunteer v = volunteerWith(community, 1000);
        int perCaller = limits.paymentCode().perCaller();

        String used = code(v);
        redeemPoints(shop, used, 5, null).then().statusCode(201);
        for (int i = 0; i < perCaller; i++) {
            assertProblem(redeemPoints(shop, used, 5, null), 409, "PAYMENT_CODE_USED");
        }
        String expired = code(v);
        sql(db, "update payment_code set expires_at = now() - interval '1 second' where volunteer_id = ? "
                + "and used_at is null", v.id());
        for (int i = 0; i < perCaller; i++) {
            assertProblem(redeemPoints(shop, expired, 5, null), 422, "PAYMENT_CODE_EXPIRED");
        }

        redeemPoints(shop, code(v), 5, null).then().statusCode(201);
        guessUnknown(shop.operator(), shop.id(), perCaller);
        assertTooManyAttempts(redeemPoints(shop, code(v), 5, null));
    }

    @Test
    void the_openapi_document_says_a_redemption_may_answer_429_with_retry_after() {
        Map<String, Object> response = as(Tokens.admin()).queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().jsonPath().getMap("paths.'/api/v1/redemptions'.post.responses.'429'");
        assertTrue(response != null && response.get("description").toString().contains("TOO_MANY_ATTEMPTS"),
                () -> "429: " + response);
        assertTrue(((Map<?, ?>) response.get("headers")).containsKey("Retry-After"), () -> "429: " + response);
    }

    /** Another operator (another till) of the shop: its own subject, the same shop claim. */
    private static String operatorOf(RedemptionFixtures.Shop shop, String till) {
        return Tokens.token("shop-" + shop.id() + "-" + till, Set.of("shop"), List.of(), Long.toString(shop.id()));
    }
}
