package org.timebank.servicerequest;

import static org.hamcrest.Matchers.equalTo;
import static org.timebank.servicerequest.ServiceRequestFixtures.body;
import static org.timebank.servicerequest.ServiceRequestFixtures.post;
import static org.timebank.servicerequest.ServiceRequestFixtures.withMinutes;
import static org.timebank.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.timebank.support.Api;
import org.timebank.support.Tokens;

@QuarkusTest
class ServiceEligibilityTest {
    private static void rules(long regionId, Long minStored, boolean approvedNeed) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("settlement", "BANK",
                "categories", List.of("MEAL_DELIVERY"), "approvedNeedRequired", approvedNeed));
        if (minStored != null) {
            body.put("minStoredMinutes", minStored);
        }
        as(Tokens.admin()).body(body).put("/api/v1/regions/" + regionId + "/service-rules").then().statusCode(200)
                .body("approvedNeedRequired", equalTo(approvedNeed));
    }

    private static io.restassured.response.Response approve(String token, Api.Volunteer v, boolean approved, String reason) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("approved", approved));
        if (reason != null) {
            body.put("reason", reason);
        }
        return as(token).header("Idempotency-Key", Api.key()).body(body)
                .put("/api/v1/volunteers/" + v.id() + "/service-eligibility");
    }

    @Test
    void where_a_region_asks_for_an_approved_need_only_residents_staff_approved_may_post() {
        Api.Tree t = Api.tree();
        rules(t.street(), null, true);
        Api.Volunteer elder = withMinutes(t.community(), 100);
        String staff = Tokens.staff("staff-elig", t.community());
        post(Tokens.volunteer(elder.id()), body(30)).then().statusCode(422)
                .body("code", equalTo("SERVICE_NEED_NOT_APPROVED"));
        approve(Tokens.staff("staff-far", Api.tree().community()), elder, true, "75 岁").then().statusCode(404);
        approve(Tokens.volunteer(elder.id()), elder, true, "我自己").then().statusCode(403);
        approve(staff, elder, true, null).then().statusCode(422).body("code", equalTo("REASON_REQUIRED"));
        approve(staff, elder, true, "独居，75 岁").then().statusCode(200).body("approved", equalTo(true))
                .body("approvedBy", equalTo("staff-elig"));
        as(Tokens.volunteer(elder.id())).get("/api/v1/volunteers/" + elder.id() + "/service-eligibility").then()
                .statusCode(200).body("approved", equalTo(true));
        post(Tokens.volunteer(elder.id()), body(30)).then().statusCode(201);
        approve(staff, elder, false, null).then().statusCode(200).body("approved", equalTo(false));
        post(Tokens.volunteer(elder.id()), body(30)).then().statusCode(422)
                .body("code", equalTo("SERVICE_NEED_NOT_APPROVED"));
    }

    @Test
    void a_payer_below_the_regions_minimum_of_stored_hours_cannot_pay() {
        Api.Tree t = Api.tree();
        rules(t.community(), 600L, false);
        Api.Volunteer poor = withMinutes(t.community(), 599);
        Api.Volunteer rich = withMinutes(t.community(), 600);
        post(Tokens.volunteer(poor.id()), body(30)).then().statusCode(422)
                .body("code", equalTo("STORED_HOURS_BELOW_MINIMUM"));
        post(Tokens.volunteer(rich.id()), body(30)).then().statusCode(201);
        // the pool pays for residents in need whatever they hold
        post(Tokens.staff("staff-min", t.community()), ServiceRequestFixtures.with(body(30), "requesterId", poor.id(),
                "payerType", "COMMUNITY_POOL", "payerReason", "困难")).then().statusCode(201);
    }
}
