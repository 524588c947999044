package org.timebank.servicerequest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.timebank.servicerequest.ServiceRequestFixtures.accept;
import static org.timebank.servicerequest.ServiceRequestFixtures.complete;
import static org.timebank.servicerequest.ServiceRequestFixtures.confirm;
import static org.timebank.servicerequest.ServiceRequestFixtures.request;
import static org.timebank.servicerequest.ServiceRequestFixtures.withMinutes;
import static org.timebank.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.timebank.common.Times;
import org.timebank.support.Api;
import org.timebank.support.Tokens;

@QuarkusTest
class HoursLiabilityTest {
    @Test
    void the_liability_of_a_subtree_counts_deposits_withdrawals_and_the_hours_still_stored_and_promised() {
        Api.Tree t = Api.tree();
        as(Tokens.admin()).body(Map.of("granularityMinutes", 1, "rounding", "DOWN",
                        "effectiveFrom", OffsetDateTime.now().minusDays(30).toString(),
                        "rates", List.of(Map.of("category", "DEFAULT", "pointsPerHour", 1))))
                .put("/api/v1/regions/" + t.city() + "/conversion-rules").then().statusCode(200);
        Api.Volunteer requester = withMinutes(t.community(), 100);
        Api.Volunteer provider = withMinutes(t.community(), 0);
        long served = request(requester, 60);
        accept(provider, served).then().statusCode(200);
        complete(provider, served, 30).then().statusCode(200);
        confirm(Tokens.volunteer(requester.id()), served).then().statusCode(200);
        long promised = request(requester, 20);
        accept(provider, promised).then().statusCode(200);

        String month = YearMonth.now(Times.ZONE).toString();
        as(Tokens.staff("staff-liab", t.street())).get("/api/v1/regions/" + t.street() + "/hours-liability").then()
                .statusCode(200)
                .body("depositedMinutes", equalTo(30))
                .body("withdrawnMinutes", equalTo(30))
                .body("storedMinutes", equalTo(100)) // 70 left of the requester's 100, and the provider's 30 earned
                .body("heldMinutes", equalTo(20))
                .body("availableMinutes", equalTo(80))
                .body("poolMinutes", equalTo(0))
                .body("months", hasSize(12))
                .body("months[11].month", equalTo(month))
                .body("months[11].withdrawnMinutes", equalTo(30))
                .body("months[11].requests", equalTo(1));
        as(Tokens.admin()).get("/api/v1/regions/" + t.city() + "/hours-liability").then().statusCode(200)
                .body("withdrawnMinutes", equalTo(30));
        as(Tokens.staff("staff-liab", Api.tree().street())).get("/api/v1/regions/" + t.street() + "/hours-liability")
                .then().statusCode(403).body("code", equalTo("NOT_IN_SCOPE"));
        as(Tokens.volunteer(requester.id())).get("/api/v1/regions/" + t.street() + "/hours-liability").then()
                .statusCode(403);
        as(Tokens.admin()).get("/api/v1/regions/987654321/hours-liability").then().statusCode(404);
    }
}
