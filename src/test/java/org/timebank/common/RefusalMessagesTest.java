package org.timebank.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.timebank.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.timebank.support.Api;
import org.timebank.support.Problems;
import org.timebank.support.Tokens;

/** Refusals say what is wrong in the caller's terms: no internal ids, no wrong hints, the format expected. */
@QuarkusTest
class RefusalMessagesTest {

    @Test
    void a_region_under_a_community_is_refused_because_a_community_is_the_last_level() {
        Api.Tree t = Api.tree();
        Problems.assertProblem(as(Tokens.admin()).body(Map.of("name", Api.unique("小区"), "level", "COMMUNITY",
                        "parentId", t.community())).post("/api/v1/regions"), 422, "REGION_LEVEL_INVALID")
                .body("detail", equalTo("社区是最末一级，其下不能再设区域（COMMUNITY）"))
                .body("detail", not(containsString("应为")));
    }

    @Test
    void a_region_without_a_parent_is_told_it_needs_one() {
        Problems.assertProblem(as(Tokens.admin()).header("Accept-Language", "en")
                        .body(Map.of("name", Api.unique("区"), "level", "DISTRICT")).post("/api/v1/regions"),
                422, "REGION_LEVEL_INVALID")
                .body("detail", equalTo("A region of level DISTRICT needs a parent (only a CITY has none)"));
    }

    @Test
    void a_volunteer_short_of_points_hears_of_their_own_wallet_not_an_account_id() {
        Api.Tree t = Api.tree();
        Api.Volunteer giver = Api.volunteer(t.community());
        Api.Volunteer taker = Api.volunteer(t.community());
        Api.adjust(giver.pointsAccount(), "CREDIT", 5).statusCode(201);

        Problems.assertProblem(as(Tokens.volunteer(giver.id())).header(Idempotency.HEADER, Api.key())
                        .body(Map.of("type", "GIFT", "toVolunteerId", taker.id(), "amount", 50)).post("/api/v1/transfers"),
                422, "INSUFFICIENT_POINTS")
                .body("detail", equalTo("你的积分余额不足"))
                .body("detail", not(containsString(Long.toString(giver.pointsAccount()))));
    }

    @Test
    void an_admin_overdrawing_an_account_is_told_which() {
        Api.Volunteer v = Api.volunteer(Api.tree().community());
        Problems.assertProblem(Api.adjust(v.pointsAccount(), "DEBIT", 5).extract().response(), 422, "INSUFFICIENT_POINTS")
                .body("detail", containsString(Long.toString(v.pointsAccount())));
    }

    @Test
    void an_admin_deciding_a_claim_is_told_that_staff_serving_the_community_decide() {
        Api.Volunteer v = Api.volunteer(Api.tree().community());
        long claim = as(Tokens.volunteer(v.id())).header(Idempotency.HEADER, Api.key())
                .body(Map.of("startsAt", Times.local(java.time.OffsetDateTime.now().minusHours(3)).toString(),
                        "endsAt", Times.local(java.time.OffsetDateTime.now().minusHours(2)).toString()))
                .post("/api/v1/hour-claims").then().statusCode(201).extract().jsonPath().getLong("id");

        Problems.assertProblem(as(Tokens.admin()).body(Map.of("decision", "APPROVE"))
                .post("/api/v1/hour-claims/" + claim + "/decision"), 403, "FORBIDDEN")
                .body("detail", equalTo("时长申请只能由服务该社区的工作人员审核；管理员可以查看和撤销，但不审核"));
        Problems.assertProblem(as(Tokens.admin()).body(Map.of("decisions",
                        java.util.List.of(Map.of("claimId", claim, "decision", "APPROVE"))))
                .post("/api/v1/hour-claims/decisions"), 403, "FORBIDDEN")
                .body("detail", containsString("工作人员"));
    }

    @Test
    void a_time_without_an_offset_says_which_format_is_expected() {
        Api.Volunteer v = Api.volunteer(Api.tree().community());
        Problems.assertProblem(as(Tokens.volunteer(v.id())).header("Accept-Language", "en")
                        .body(Map.of("startsAt", "2026-11-29T09:00:00", "endsAt", "2026-11-29T10:00:00+08:00"))
                        .post("/api/v1/hour-claims"), 400, "INVALID_FIELD_TYPE")
                .body("errors[0].field", equalTo("startsAt"))
                .body("errors[0].code", equalTo("INVALID_TIME"))
                .body("detail", containsString("2026-11-30T14:30:00+08:00"));
        Problems.assertProblem(given().auth().oauth2(Tokens.admin()).queryParam("from", "2026-11-29 09:00")
                        .get("/api/v1/activities"), 400, "INVALID_PARAMETER")
                .body("errors[0].field", equalTo("from"))
                .body("errors[0].code", equalTo("INVALID_TIME"))
                .body("detail", containsString("+08:00"));
    }
}
