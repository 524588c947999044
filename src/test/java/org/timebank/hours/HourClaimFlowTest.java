package org.timebank.hours;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.timebank.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.timebank.ledger.LedgerHousekeeping;
import org.timebank.support.Api;
import org.timebank.support.LedgerChecks;
import org.timebank.support.Tokens;

@QuarkusTest
class HourClaimFlowTest {
    @Inject
    LedgerHousekeeping housekeeping;

    static final OffsetDateTime YESTERDAY_9AM = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(1)
            .withHour(9).withMinute(0).withSecond(0).withNano(0);

    @Test
    void a_volunteers_claim_approved_by_staff_becomes_hours_and_points() {
        Api.Tree t = Api.tree();
        as(Tokens.admin()).body(Map.of("granularityMinutes", 1, "rounding", "DOWN",
                        "rates", List.of(Map.of("category", "DEFAULT", "pointsPerHour", 1),
                                Map.of("category", "KITCHEN", "pointsPerHour", 6)),
                        "effectiveFrom", YESTERDAY_9AM.minusDays(30).toString()))
                .put("/api/v1/regions/" + t.city() + "/conversion-rules").then().statusCode(200)
                .body("version", equalTo(1));
        as(Tokens.admin()).get("/api/v1/regions/" + t.community() + "/conversion-rules").then().statusCode(200)
                .body("inheritedFrom", equalTo((int) t.city()));
        as(Tokens.admin()).get("/api/v1/regions/" + t.street() + "/children").then().statusCode(200);
        Api.Volunteer v = Api.volunteer(t.community());

        long claim = as(Tokens.volunteer(v.id())).body(Map.of("category", "KITCHEN",
                        "startsAt", YESTERDAY_9AM.toString(), "endsAt", YESTERDAY_9AM.plusMinutes(150).toString()))
                .post("/api/v1/hour-claims").then().statusCode(201)
                .body("status", equalTo("PENDING")).body("minutes", equalTo(150))
                .extract().jsonPath().getLong("id");

        as(Tokens.staff("staff-a", t.street())).body(Map.of("decision", "APPROVE"))
                .post("/api/v1/hour-claims/" + claim + "/decision").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("points", equalTo(15))
                .body("transactionId", notNullValue());

        assertEquals(150, Api.balance(v, "hours.minutes"));
        assertEquals(15, Api.balance(v, "points.available"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }
}
