package org.timebank.webapp;

import static org.hamcrest.Matchers.equalTo;
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
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.timebank.support.Api;
import org.timebank.support.Tokens;
import org.timebank.support.WithDemoData;

/**
 * The volunteer's page on a phone 360 px wide (src/main/webui/e2e/volunteer-pages.mjs): activities of
 * the community and the street, enrolling and checking in with the venue's code through the camera,
 * a gift and a donation, leaving the boards, paging the history; then the API says it all happened.
 */
@QuarkusTest
@TestProfile(WithDemoData.class)
class VolunteerPagesBrowserTest {
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    @TestHTTPResource("/")
    URL root;

    private static long publish(long community, String title, OffsetDateTime startsAt, OffsetDateTime endsAt) {
        return as(Tokens.admin()).body(Map.of("communityId", community, "title", title, "category", "DEFAULT",
                        "place", "社区活动室", "startsAt", startsAt.toString(), "endsAt", endsAt.toString(), "capacity", 10))
                .post("/api/v1/activities").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void a_volunteer_enrolls_checks_in_by_the_venue_code_gives_donates_and_leaves_the_boards() throws Exception {
        Api.Tree t = Api.tree();
        long sister = Api.region(Api.unique("社区"), "COMMUNITY", t.street());
        Api.Volunteer v = Api.volunteer(t.community());
        Api.Volunteer friend = Api.volunteer(t.community());
        for (int i = 0; i < 12; i++) { // twelve lines of history: more than one page of ten
            Api.adjust(v.pointsAccount(), "CREDIT", 10).statusCode(201);
        }
        OffsetDateTime now = OffsetDateTime.now(CHINA).truncatedTo(ChronoUnit.MINUTES);
        // on now, started two hours ago (from midnight, so that the period stays within one day)
        OffsetDateTime start = now.minusHours(2).isBefore(now.truncatedTo(ChronoUnit.DAYS))
                ? now.truncatedTo(ChronoUnit.DAYS) : now.minusHours(2);
        long here = publish(t.community(), Api.unique("社区食堂帮厨"), start, now.plusHours(2));
        OffsetDateTime tomorrow = now.truncatedTo(ChronoUnit.DAYS).plusDays(1).withHour(9);
        long there = publish(sister, Api.unique("街道义诊"), tomorrow, tomorrow.plusHours(3));
        String staff = Tokens.staff(Api.unique("staff"), t.community());
        String code = as(staff).post("/api/v1/activities/" + here + "/checkin-codes").then().statusCode(201)
                .extract().jsonPath().getString("code");

        Map<String, Object> world = new HashMap<>();
        world.put("volunteerToken", Tokens.volunteer(v.id()));
        world.put("volunteerId", v.id());
        world.put("friendId", friend.id());
        world.put("here", here);
        world.put("there", there);
        world.put("code", code);
        world.put("points", 120);
        world.put("gift", 30);
        world.put("donation", 20);
        Chromium.run(root, "e2e/volunteer-pages.mjs", world);

        String volunteer = Tokens.volunteer(v.id());
        as(Tokens.admin()).get("/api/v1/activities/" + here).then().statusCode(200).body("enrolled", equalTo(1));
        List<Integer> mine = as(volunteer).get("/api/v1/activities?mine=true").then().statusCode(200).extract()
                .jsonPath().getList("items.id", Integer.class);
        assertEquals(List.of((int) here), mine, "enrolled in the community's activity only");
        JsonPath claims = as(Tokens.admin()).queryParam("volunteerId", v.id()).get("/api/v1/hour-claims").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(1, claims.getList("items").size(), "one check-in: the wrong code typed first made nothing");
        assertEquals(here, claims.getLong("items[0].activityId"));
        assertEquals("PENDING", claims.getString("items[0].status"));
        assertEquals(start.toInstant(), OffsetDateTime.parse(claims.getString("items[0].startsAt")).toInstant());

        assertEquals(70, Api.balance(v, "points.available"), "120, less a gift of 30 and a donation of 20");
        assertEquals(30, Api.balance(friend, "points.available"));
        assertEquals(20, as(staff).get("/api/v1/regions/" + t.community() + "/pool").then().statusCode(200)
                .extract().jsonPath().getLong("points.available"));
        assertFalse(as(volunteer).get("/api/v1/volunteers/" + v.id()).then().statusCode(200).extract().jsonPath()
                .getBoolean("shownOnBoards"), "the volunteer left the boards");
    }
}
