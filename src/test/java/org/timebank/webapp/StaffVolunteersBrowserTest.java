package org.timebank.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.timebank.support.Api.as;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.timebank.support.Api;
import org.timebank.support.Tokens;
import org.timebank.support.WithDemoData;

/**
 * The staff console's queue filters and volunteer desk, driven in Chromium
 * (src/main/webui/e2e/staff-volunteers.mjs); what the screens did is then read back through the API.
 */
@QuarkusTest
@TestProfile(WithDemoData.class)
class StaffVolunteersBrowserTest {
    private static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);

    @TestHTTPResource("/")
    URL root;

    private static OffsetDateTime daysAgo(int days, int hour) {
        return OffsetDateTime.now(SHANGHAI).toLocalDate().minusDays(days).atTime(hour, 0).atOffset(SHANGHAI);
    }

    private static long claim(long volunteerId, Long activityId, OffsetDateTime startsAt, int minutes) {
        Map<String, Object> body = new HashMap<>(Map.of("startsAt", startsAt.toString(),
                "endsAt", startsAt.plusMinutes(minutes).toString()));
        if (activityId != null) {
            body.put("activityId", activityId);
        }
        return as(Tokens.volunteer(volunteerId)).header("Idempotency-Key", Api.key()).body(body)
                .post("/api/v1/hour-claims").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static long register(String name, String phone, long community) {
        return as(Tokens.admin()).body(Map.of("name", name, "phone", phone, "homeCommunityId", community))
                .post("/api/v1/volunteers").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static String regionName(long id) {
        return as(Tokens.admin()).get("/api/v1/regions/" + id).then().statusCode(200).extract().jsonPath().getString("name");
    }

    @Test
    void community_staff_filter_the_queue_find_register_and_look_after_a_volunteer_and_reverse_a_claim() throws Exception {
        Api.Tree t = Api.tree();
        long neighbour = Api.region(Api.unique("西社区"), "COMMUNITY", t.street());
        as(Tokens.admin()).body(Map.of("granularityMinutes", 1, "rounding", "DOWN",
                        "effectiveFrom", OffsetDateTime.now(SHANGHAI).minusYears(1).toString(),
                        "rates", List.of(Map.of("category", "DEFAULT", "pointsPerHour", 10),
                                Map.of("category", "KITCHEN", "pointsPerHour", 10))))
                .put("/api/v1/regions/" + t.city() + "/conversion-rules").then().statusCode(200);
        String activityTitle = Api.unique("社区食堂帮厨");
        long activity = as(Tokens.admin()).body(Map.of("communityId", t.community(), "title", activityTitle,
                        "category", "KITCHEN", "place", "社区食堂", "startsAt", daysAgo(1, 14).toString(),
                        "endsAt", daysAgo(1, 17).toString(), "capacity", 10, "walkInsWelcome", true))
                .post("/api/v1/activities").then().statusCode(201).extract().jsonPath().getLong("id");

        String nameOfA = Api.unique("李秀英");
        String phoneOfA = Api.phone();
        long a = register(nameOfA, phoneOfA, t.community());
        long b = register(Api.unique("张伟"), Api.phone(), t.community());
        long approvedOfA = claim(a, null, daysAgo(3, 9), 120);
        as(Tokens.staff(Api.unique("staff"), t.community())).body(Map.of("decision", "APPROVE"))
                .post("/api/v1/hour-claims/" + approvedOfA + "/decision").then().statusCode(200);
        long pendingOfA = claim(a, null, daysAgo(1, 9), 60);
        long olderPending = claim(b, null, daysAgo(4, 9), 90);
        long pendingOfActivity = claim(b, activity, daysAgo(1, 14), 120);
        String newName = Api.unique("王建国");
        String newPhone = Api.phone();

        Map<String, Object> world = new HashMap<>();
        world.put("staffToken", Tokens.staff(Api.unique("staff"), t.community()));
        world.put("yesterday", daysAgo(1, 0).toLocalDate().toString());
        world.put("communityName", regionName(t.community()));
        world.put("otherCommunityName", regionName(neighbour));
        world.put("activityTitle", activityTitle);
        world.put("volunteerA", a);
        world.put("nameOfA", nameOfA);
        world.put("phoneOfA", phoneOfA);
        world.put("approvedOfA", approvedOfA);
        world.put("pendingOfA", pendingOfA);
        world.put("olderPending", olderPending);
        world.put("pendingOfActivity", pendingOfActivity);
        world.put("pointsBefore", 20);
        world.put("newName", newName);
        world.put("newPhone", newPhone);
        Chromium.run(root, "e2e/staff-volunteers.mjs", world);

        // the reversal took back what the approval gave
        JsonPath balance = as(Tokens.admin()).get("/api/v1/volunteers/" + a + "/balance").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(0, balance.getLong("points.available"));
        assertEquals(0, balance.getLong("hours.minutes"));
        JsonPath reversed = as(Tokens.admin()).get("/api/v1/hour-claims/" + approvedOfA).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("REVERSED", reversed.getString("status"));
        // moved, and kept off the boards
        JsonPath volunteer = as(Tokens.admin()).get("/api/v1/volunteers/" + a).then().statusCode(200).extract().jsonPath();
        assertEquals(neighbour, volunteer.getLong("homeCommunityId"));
        assertFalse(volunteer.getBoolean("shownOnBoards"));
        List<Long> movedTo = as(Tokens.admin()).get("/api/v1/volunteers/" + a + "/moves").then().statusCode(200)
                .extract().jsonPath().getList("items.toCommunityId", Long.class);
        assertEquals(List.of(neighbour), movedTo);
        // registered once, in the community the desk serves
        JsonPath found = as(Tokens.admin()).body(Map.of("phone", newPhone)).post("/api/v1/volunteers/search").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of(newName), found.getList("items.name", String.class));
        assertEquals(t.community(), found.getLong("items[0].homeCommunityId"));
        // filtering the queue decided nothing
        for (long pending : List.of(pendingOfA, olderPending, pendingOfActivity)) {
            assertEquals("PENDING", as(Tokens.admin()).get("/api/v1/hour-claims/" + pending).then().statusCode(200)
                    .extract().jsonPath().getString("status"));
        }
    }
}
