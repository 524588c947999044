package org.timebank.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.timebank.support.Api.as;
import static org.timebank.support.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.timebank.support.Api;
import org.timebank.support.Tokens;

/** A volunteer opens the mini-program: wx.login's code in, the service's own tokens out, against a fake WeChat. */
@QuarkusTest
class WechatSignInTest {
    @Inject
    DataSource db;

    private static Response session(String code) {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON).body(Map.of("code", code))
                .post("/api/v1/auth/wechat/session");
    }

    private static Response bind(String ticket, String phoneCode) {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("bindingTicket", ticket, "phoneCode", phoneCode)).post("/api/v1/auth/wechat/bindings");
    }

    private static Response refresh(String token) {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON).body(Map.of("refreshToken", token))
                .post("/api/v1/auth/refresh");
    }

    private static long registered(long community, String phone) {
        return as(Tokens.admin()).body(Map.of("name", Api.unique("微信"), "phone", phone, "homeCommunityId", community))
                .post("/api/v1/volunteers").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static String openid() {
        return Api.unique("openid");
    }

    /** A WeChat user bound by phone to a freshly registered volunteer: the volunteer's id and the session answer. */
    private record Bound(long volunteerId, String openid, JsonPath signIn) {}

    private static Bound bound(long community) {
        String phone = Api.phone();
        long volunteer = registered(community, phone);
        String openid = openid();
        String ticket = session("ok:" + openid).then().statusCode(200).body("status", equalTo("UNBOUND"))
                .extract().jsonPath().getString("bindingTicket");
        JsonPath signedIn = bind(ticket, "phone:" + phone).then().statusCode(200).extract().jsonPath();
        return new Bound(volunteer, openid, signedIn);
    }

    private List<String> events(long volunteer) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "select action || ' ' || method || ' ' || openid || ' ' || actor from wechat_binding_event "
                        + "where volunteer_id = ? order by id")) {
            s.setLong(1, volunteer);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
        }
        return out;
    }

    @Test
    void a_new_wechat_user_binds_by_the_verified_phone_and_then_signs_in_with_wx_login_alone() throws Exception {
        Api.Tree t = Api.tree();
        Bound b = bound(t.community());
        assertEquals("SIGNED_IN", b.signIn().getString("status"));
        assertEquals(b.volunteerId(), b.signIn().getLong("volunteerId"));
        assertEquals("Bearer", b.signIn().getString("tokenType"));
        assertEquals(900, b.signIn().getLong("expiresIn"));
        // the service's own token is accepted by the API, as the volunteer it names
        as(b.signIn().getString("accessToken")).get("/api/v1/me").then().statusCode(200)
                .body("subject", equalTo(Long.toString(b.volunteerId()))).body("roles", equalTo(List.of("volunteer")))
                .body("volunteer.id", equalTo((int) b.volunteerId()));
        // the next wx.login signs straight in
        session("ok:" + b.openid() + ":union-1").then().statusCode(200).body("status", equalTo("SIGNED_IN"))
                .body("volunteerId", equalTo((int) b.volunteerId())).body("bindingTicket", nullValue())
                .body("refreshToken", notNullValue());
        assertEquals(List.of("BIND PHONE " + b.openid() + " wechat"), events(b.volunteerId()));
    }

    @Test
    void a_refresh_token_renews_once_and_a_second_use_ends_its_whole_line() {
        Bound b = bound(Api.tree().community());
        String first = b.signIn().getString("refreshToken");
        JsonPath renewed = refresh(first).then().statusCode(200).body("status", equalTo("SIGNED_IN"))
                .body("volunteerId", equalTo((int) b.volunteerId())).extract().jsonPath();
        String second = renewed.getString("refreshToken");
        assertNotEquals(first, second);
        as(renewed.getString("accessToken")).get("/api/v1/volunteers/" + b.volunteerId() + "/balance").then()
                .statusCode(200);
        // the first token again: someone kept a copy, so the successor dies with it
        assertProblem(refresh(first), 401, "REFRESH_TOKEN_INVALID");
        assertProblem(refresh(second), 401, "REFRESH_TOKEN_INVALID");
        assertProblem(refresh("no-such-token"), 401, "REFRESH_TOKEN_INVALID");
    }

    @Test
    void a_ticket_binds_once_and_a_phone_nobody_registered_binds_nothing() {
        Api.Tree t = Api.tree();
        String ticket = session("ok:" + openid()).then().statusCode(200).extract().jsonPath().getString("bindingTicket");
        assertProblem(bind(ticket, "phone:" + Api.phone()), 422, "WECHAT_PHONE_NOT_REGISTERED");
        // the ticket survived the refusal
        String phone = Api.phone();
        long volunteer = registered(t.community(), phone);
        bind(ticket, "phone:" + phone).then().statusCode(200).body("volunteerId", equalTo((int) volunteer));
        assertProblem(bind(ticket, "phone:" + phone + "#2"), 401, "BINDING_TICKET_INVALID");
        assertProblem(bind("made-up", "phone:" + phone + "#3"), 401, "BINDING_TICKET_INVALID");
    }

    @Test
    void one_volunteer_has_one_wechat_account_until_staff_in_scope_unbind_it() throws Exception {
        Api.Tree t = Api.tree();
        Api.Tree elsewhere = Api.tree();
        String phone = Api.phone();
        long volunteer = registered(t.community(), phone);
        String first = openid();
        String ticket = session("ok:" + first).then().extract().jsonPath().getString("bindingTicket");
        String refreshToken = bind(ticket, "phone:" + phone).then().statusCode(200).extract().jsonPath()
                .getString("refreshToken");
        String second = openid();
        String otherTicket = session("ok:" + second).then().extract().jsonPath().getString("bindingTicket");
        assertProblem(bind(otherTicket, "phone:" + phone + "#2"), 409, "VOLUNTEER_ALREADY_BOUND");

        String path = "/api/v1/volunteers/" + volunteer + "/wechat-binding";
        assertProblem(as(Tokens.staff("staff-far", elsewhere.street())).delete(path), 404, "VOLUNTEER_NOT_FOUND");
        assertProblem(as(Tokens.volunteer(volunteer)).delete(path), 403, "FORBIDDEN");
        as(Tokens.staff("staff-near", t.street())).delete(path).then().statusCode(204);
        assertProblem(as(Tokens.staff("staff-near", t.street())).delete(path), 404, "WECHAT_BINDING_NOT_FOUND");
        // unbinding ends the refresh tokens; the first openid now signs in to nobody
        assertProblem(refresh(refreshToken), 401, "REFRESH_TOKEN_INVALID");
        session("ok:" + first + ":again").then().statusCode(200).body("status", equalTo("UNBOUND"));
        bind(otherTicket, "phone:" + phone + "#3").then().statusCode(200).body("volunteerId", equalTo((int) volunteer));
        assertEquals(List.of("BIND PHONE " + first + " wechat", "UNBIND STAFF " + first + " staff-near",
                "BIND PHONE " + second + " wechat"), events(volunteer));
    }

    @Test
    void wechat_refusals_are_problems_a_client_can_act_on_and_an_outage_is_never_a_500() {
        assertProblem(session("invalid"), 400, "WECHAT_CODE_INVALID");
        String once = "ok:" + openid();
        session(once).then().statusCode(200);
        assertProblem(session(once), 400, "WECHAT_CODE_INVALID");
        assertProblem(session("limited"), 429, "WECHAT_RATE_LIMITED").header("Retry-After", "60");
        assertProblem(session("blocked"), 403, "WECHAT_USER_BLOCKED");
        for (String outage : List.of("busy", "slow", "http502", "garbage")) {
            assertProblem(session(outage), 503, "WECHAT_UNAVAILABLE").header("Retry-After", "5");
        }
        assertEquals(3, FakeWechat.tries("busy"), "one try and two retries");
    }

    @Test
    void wechat_busy_is_tried_again_with_backoff_until_it_answers() {
        String code = "busy2:" + openid();
        session(code).then().statusCode(200).body("status", equalTo("UNBOUND"));
        assertEquals(3, FakeWechat.tries(code));
    }

    @Test
    void a_refused_interface_token_is_renewed_once_and_the_phone_is_read_with_the_new_one() {
        Api.Tree t = Api.tree();
        bound(t.community());
        int before = FakeWechat.STABLE_TOKENS.get();
        FakeWechat.revokeAccessToken();
        bound(t.community());
        assertEquals(before + 1, FakeWechat.STABLE_TOKENS.get());
        assertTrue(before >= 1);
    }

    @Test
    void a_phone_number_wechat_verified_for_another_mini_program_binds_nothing() {
        Api.Tree t = Api.tree();
        String phone = Api.phone();
        registered(t.community(), phone);
        String ticket = session("ok:" + openid()).then().extract().jsonPath().getString("bindingTicket");
        assertProblem(bind(ticket, "phone:" + phone + ":wx-other-app"), 503, "WECHAT_UNAVAILABLE");
        assertProblem(bind(ticket, "invalid"), 400, "WECHAT_PHONE_CODE_INVALID");
    }

    private static Response register(String ticket, String phoneCode, long community) {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON).body(Map.of("bindingTicket", ticket,
                "phoneCode", phoneCode, "name", "新志愿者", "homeCommunityId", community))
                .post("/api/v1/auth/wechat/registrations");
    }

    @Test
    void a_resident_registers_themself_only_where_the_region_opened_self_registration() throws Exception {
        Api.Tree t = Api.tree();
        String rule = "/api/v1/regions/" + t.community() + "/self-registration";
        as(Tokens.volunteer(1)).get(rule).then().statusCode(200).body("allowed", equalTo(false))
                .body("fromRegionId", nullValue());
        String phone = Api.phone();
        String openid = openid();
        String ticket = session("ok:" + openid).then().extract().jsonPath().getString("bindingTicket");
        assertProblem(register(ticket, "phone:" + phone, t.community()), 403, "SELF_REGISTRATION_CLOSED");

        assertProblem(as(Tokens.staff("staff-rule", t.street())).body(Map.of("allowed", true))
                .put("/api/v1/regions/" + t.street() + "/self-registration"), 403, "FORBIDDEN");
        as(Tokens.admin()).body(Map.of("allowed", true)).put("/api/v1/regions/" + t.street() + "/self-registration")
                .then().statusCode(200).body("allowed", equalTo(true)).body("fromRegionId", equalTo((int) t.street()));
        as(Tokens.volunteer(1)).get(rule).then().statusCode(200).body("allowed", equalTo(true))
                .body("fromRegionId", equalTo((int) t.street()));

        JsonPath signedIn = register(ticket, "phone:" + phone + "#2", t.community()).then().statusCode(200)
                .body("status", equalTo("SIGNED_IN")).extract().jsonPath();
        long volunteer = signedIn.getLong("volunteerId");
        as(signedIn.getString("accessToken")).get("/api/v1/me").then().statusCode(200)
                .body("volunteer.homeCommunity.id", equalTo((int) t.community()));
        as(Tokens.admin()).get("/api/v1/volunteers/" + volunteer).then().statusCode(200)
                .body("phoneMasked", equalTo(phone.substring(0, 3) + "****" + phone.substring(7)));
        assertEquals(List.of("BIND SELF_REGISTRATION " + openid + " wechat"), events(volunteer));

        // the same number again is a volunteer already: they bind instead
        String other = session("ok:" + openid()).then().extract().jsonPath().getString("bindingTicket");
        assertProblem(register(other, "phone:" + phone + "#3", t.community()), 409, "VOLUNTEER_PHONE_EXISTS");
        // a community nearer down may close it again
        as(Tokens.admin()).body(Map.of("allowed", false)).put(rule).then().statusCode(200).body("allowed", equalTo(false));
        assertProblem(register(other, "phone:" + Api.phone(), t.community()), 403, "SELF_REGISTRATION_CLOSED");
    }
}
