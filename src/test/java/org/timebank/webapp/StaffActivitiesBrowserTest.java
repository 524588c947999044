package org.timebank.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.timebank.support.Api.as;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.timebank.support.Api;
import org.timebank.support.Tokens;
import org.timebank.support.WithDemoData;

/**
 * The staff console's activities and community pool, driven in Chromium (e2e/staff-activities.mjs):
 * what the screens said is then checked against the API.
 */
@QuarkusTest
@TestProfile(WithDemoData.class)
class StaffActivitiesBrowserTest {
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @TestHTTPResource("/")
    URL root;

    private static Api.Volunteer named(long community, String name) {
        var json = as(Tokens.admin()).body(Map.of("name", name, "phone", Api.phone(), "homeCommunityId", community))
                .post("/api/v1/volunteers").then().statusCode(201).extract().jsonPath();
        return new Api.Volunteer(json.getLong("id"), json.getLong("accounts.hours"), json.getLong("accounts.points"));
    }

    private static void enroll(Api.Volunteer v, long activity) {
        as(Tokens.volunteer(v.id())).header("Idempotency-Key", Api.key()).post("/api/v1/activities/" + activity + "/enrollments")
                .then().statusCode(201);
    }

    @Test
    void staff_publish_an_activity_record_attendance_show_the_venue_code_and_grant_from_the_pool() throws Exception {
        Api.Tree t = Api.tree();
        as(Tokens.admin()).body(Map.of("granularityMinutes", 1, "rounding", "DOWN",
                        "effectiveFrom", OffsetDateTime.now(CHINA).minusYears(1).toString(),
                        "rates", List.of(Map.of("category", "DEFAULT", "pointsPerHour", 10))))
                .put("/api/v1/regions/" + t.city() + "/conversion-rules").then().statusCode(200);
        Api.Volunteer attendee = named(t.community(), "王秀英");
        Api.Volunteer walker = named(t.community(), "李建国");
        Api.Volunteer elder = named(t.community(), "张桂兰");
        Api.Volunteer donor = Api.volunteer(t.community());
        Api.adjust(donor.pointsAccount(), "CREDIT", 100).statusCode(201);
        as(Tokens.volunteer(donor.id())).header("Idempotency-Key", Api.key())
                .body(Map.of("type", "DONATION", "asset", "POINTS", "amount", 60)).post("/api/v1/transfers").then().statusCode(201);
        // a points budget, which the pool page shows beside the pool
        as(Tokens.admin()).header("Idempotency-Key", Api.key()).body(Map.of("points", 500, "memo", "年度预算"))
                .post("/api/v1/regions/" + t.community() + "/budget-fundings").then().statusCode(201);

        // an activity that started two hours ago and runs two hours more: attendance so far can be recorded
        OffsetDateTime starts = OffsetDateTime.now(CHINA).truncatedTo(ChronoUnit.MINUTES).minusHours(2);
        String title = Api.unique("社区食堂帮厨");
        Map<String, Object> world = new HashMap<>();
        world.put("staffToken", Tokens.staff(Api.unique("staff"), t.community()));
        world.put("title", title);
        world.put("startsLocal", starts.format(LOCAL));
        world.put("endsLocal", starts.plusHours(4).format(LOCAL));
        world.put("enrolled", List.of("王秀英", "李建国"));
        world.put("attendee", "王秀英");
        world.put("checkInLocal", starts.plusMinutes(10).format(LOCAL));
        world.put("checkOutLocal", starts.plusMinutes(100).format(LOCAL));
        world.put("walkerToken", Tokens.volunteer(walker.id()));
        world.put("walkerIn", starts.plusMinutes(20).toString());
        world.put("walkerOut", starts.plusMinutes(80).toString());
        world.put("elder", "张桂兰");
        world.put("elderId", elder.id());
        world.put("poolPoints", 60);
        world.put("grant", 25);
        world.put("budget", 500);
        long[] activity = new long[1];

        Chromium.run(root, "e2e/staff-activities.mjs", world, "published", () -> {
            activity[0] = as(Tokens.admin()).queryParam("regionId", t.community()).get("/api/v1/activities").then()
                    .statusCode(200).extract().jsonPath().getLong("items.find { it.title == '" + title + "' }.id");
            enroll(attendee, activity[0]);
            enroll(walker, activity[0]);
        });

        // the sheet's line and the venue check-in are each a pending claim of the activity
        var claims = as(Tokens.admin()).queryParam("activityId", activity[0]).get("/api/v1/hour-claims").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(2, claims.getList("items").size());
        Map<String, Object> recorded = claims.getMap("items.find { it.volunteerId == " + attendee.id() + " }");
        assertEquals("PENDING", recorded.get("status"));
        assertEquals(90, recorded.get("minutes"));
        Map<String, Object> checkedIn = claims.getMap("items.find { it.volunteerId == " + walker.id() + " }");
        assertEquals("PENDING", checkedIn.get("status"));
        assertEquals(60, checkedIn.get("minutes"));

        // approved, the sheet's line pays the volunteer like any claim
        as(Tokens.staff(Api.unique("reviewer"), t.community())).body(Map.of("decision", "APPROVE"))
                .post("/api/v1/hour-claims/" + recorded.get("id") + "/decision").then().statusCode(200);
        assertEquals(90, Api.balance(attendee, "hours.minutes"));
        assertEquals(15, Api.balance(attendee, "points.available"));

        // the grant left the pool for the volunteer's wallet
        assertEquals(35L, as(Tokens.admin()).get("/api/v1/regions/" + t.community() + "/pool").then().statusCode(200)
                .extract().jsonPath().getLong("points.available"));
        assertEquals(25, Api.balance(elder, "points.available"));
    }
}
