package org.timebank.hours;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.timebank.hours.Activities.NEXT_WEEK_9AM;
import static org.timebank.support.Api.as;
import static org.timebank.support.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.timebank.support.Api;
import org.timebank.support.Tokens;

/** Publishing activities, who may, and finding them by region and time. */
@QuarkusTest
class ActivityApiTest {

    @Test
    void staff_of_the_street_publish_an_activity_in_one_of_its_communities() {
        Api.Tree t = Activities.tree();
        Map<String, Object> body = Activities.body(t.community(), NEXT_WEEK_9AM, NEXT_WEEK_9AM.plusMinutes(150), 10);
        body.put("pointsPerHour", 7.5);

        var created = as(Tokens.staff("staff-street", t.street())).body(body).post("/api/v1/activities").then()
                .statusCode(201)
                .body("communityId", equalTo((int) t.community()))
                .body("title", equalTo("社区食堂帮厨")).body("category", equalTo("KITCHEN"))
                .body("place", equalTo("社区食堂"))
                .body("capacity", equalTo(10)).body("enrolled", equalTo(0))
                .body("pointsPerHour", equalTo(7.5f))
                .body("createdBy", equalTo("staff-street")).body("createdAt", notNullValue())
                .extract();
        long id = created.jsonPath().getLong("id");
        // times come back in the programme's offset, whatever offset they were sent in
        assertEquals(NEXT_WEEK_9AM, OffsetDateTime.parse(created.jsonPath().getString("startsAt")));
        assertEquals(NEXT_WEEK_9AM.plusMinutes(150), OffsetDateTime.parse(created.jsonPath().getString("endsAt")));
        assertEquals("/api/v1/activities/" + id, java.net.URI.create(created.header("Location")).getPath());

        as(Tokens.volunteer(Api.volunteer(t.community()).id())).get("/api/v1/activities/" + id).then().statusCode(200)
                .body("id", equalTo((int) id)).body("pointsPerHour", equalTo(7.5f));
    }

    @Test
    void an_activity_without_its_own_rate_earns_at_the_regions_rate_and_shows_none() {
        long id = Activities.create(Activities.tree().community(), NEXT_WEEK_9AM, 5);

        as(Tokens.admin()).get("/api/v1/activities/" + id).then().statusCode(200)
                .body("pointsPerHour", nullValue()).body("enrolled", equalTo(0));
    }

    @Test
    void a_retried_publication_with_the_same_key_publishes_once() {
        Api.Tree t = Activities.tree();
        String key = Api.key();
        Map<String, Object> body = Activities.body(t.community(), NEXT_WEEK_9AM, NEXT_WEEK_9AM.plusHours(2), 3);

        long first = as(Tokens.admin()).header("Idempotency-Key", key).body(body).post("/api/v1/activities").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        as(Tokens.admin()).header("Idempotency-Key", key).body(body).post("/api/v1/activities").then()
                .statusCode(201).header("Idempotency-Replayed", "true").body("id", equalTo((int) first));

        as(Tokens.admin()).get("/api/v1/activities?regionId=" + t.city()).then().statusCode(200)
                .body("items.id", contains((int) first));
    }

    @ParameterizedTest(name = "{0} publishing gets {1}")
    @CsvSource({
            "COMMUNITY_STAFF, 201",
            "STREET_STAFF,    201",
            "ADMIN,           201",
            "OUTSIDE_STAFF,   NOT_IN_SCOPE",
            "VOLUNTEER,       FORBIDDEN",
            "SHOP_OPERATOR,   FORBIDDEN"})
    void only_staff_serving_the_community_and_admins_publish_activities(String caller, String outcome) {
        Api.Tree t = Activities.tree();
        Api.Tree elsewhere = Api.tree();
        String token = switch (caller) {
            case "COMMUNITY_STAFF" -> Tokens.staff("staff-c", t.community());
            case "STREET_STAFF" -> Tokens.staff("staff-s", t.street());
            case "ADMIN" -> Tokens.admin();
            case "OUTSIDE_STAFF" -> Tokens.staff("staff-x", elsewhere.street());
            case "VOLUNTEER" -> Tokens.volunteer(Api.volunteer(t.community()).id());
            case "SHOP_OPERATOR" -> Tokens.shop("1");
            default -> throw new IllegalArgumentException(caller);
        };
        var response = as(token).body(Activities.body(t.community(), NEXT_WEEK_9AM, NEXT_WEEK_9AM.plusHours(1), 5))
                .post("/api/v1/activities");

        if (outcome.equals("201")) {
            response.then().statusCode(201);
        } else {
            assertProblem(response, 403, outcome);
            as(Tokens.admin()).get("/api/v1/activities?regionId=" + t.city()).then().statusCode(200)
                    .body("items.size()", equalTo(0));
        }
    }

    @Test
    void an_activity_takes_enrolled_volunteers_only_unless_it_says_walk_ins_are_welcome() {
        Api.Tree t = Activities.tree();
        Map<String, Object> open = Activities.body(t.community(), NEXT_WEEK_9AM, NEXT_WEEK_9AM.plusHours(1), 5);
        open.put("walkInsWelcome", true);

        long enrolledOnly = Activities.create(t.community(), NEXT_WEEK_9AM, 5);
        long walkIns = as(Tokens.admin()).body(open).post("/api/v1/activities").then().statusCode(201)
                .body("walkInsWelcome", equalTo(true)).extract().jsonPath().getLong("id");

        as(Tokens.admin()).get("/api/v1/activities/" + enrolledOnly).then().statusCode(200)
                .body("walkInsWelcome", equalTo(false));
        as(Tokens.admin()).get("/api/v1/activities/" + walkIns).then().statusCode(200)
                .body("walkInsWelcome", equalTo(true));
    }

    @Test
    void an_activity_in_a_category_its_communitys_rules_do_not_name_is_refused() {
        Api.Tree t = Activities.tree();
        Map<String, Object> gardening = Activities.body(t.community(), NEXT_WEEK_9AM, NEXT_WEEK_9AM.plusHours(1), 5);
        gardening.put("category", "GARDENING");
        Api.Tree withoutRules = Api.tree();

        assertProblem(as(Tokens.admin()).header("Accept-Language", "en").body(gardening).post("/api/v1/activities"),
                422, "UNKNOWN_SERVICE_CATEGORY")
                .body("errors[0].field", equalTo("category"))
                .body("detail", org.hamcrest.Matchers.containsString("\"GARDENING\""));
        // with its own rate too: the category still has to be one the rules name
        gardening.put("pointsPerHour", 3);
        assertProblem(as(Tokens.admin()).body(gardening).post("/api/v1/activities"), 422, "UNKNOWN_SERVICE_CATEGORY");
        assertProblem(as(Tokens.admin()).body(Activities.body(withoutRules.community(), NEXT_WEEK_9AM,
                NEXT_WEEK_9AM.plusHours(1), 5)).post("/api/v1/activities"), 422, "UNKNOWN_SERVICE_CATEGORY");
        as(Tokens.admin()).get("/api/v1/activities?regionId=" + t.city()).then().statusCode(200)
                .body("items.size()", equalTo(0));

        gardening.put("category", "DEFAULT");
        as(Tokens.admin()).body(gardening).post("/api/v1/activities").then().statusCode(201)
                .body("category", equalTo("DEFAULT"));
    }

    @Test
    void an_activity_takes_place_in_a_community_that_exists() {
        Api.Tree t = Api.tree();

        assertProblem(as(Tokens.admin()).body(Activities.body(t.street(), NEXT_WEEK_9AM, NEXT_WEEK_9AM.plusHours(1), 5))
                .post("/api/v1/activities"), 422, "NOT_A_COMMUNITY");
        assertProblem(as(Tokens.admin()).body(Activities.body(Long.MAX_VALUE, NEXT_WEEK_9AM, NEXT_WEEK_9AM.plusHours(1), 5))
                .post("/api/v1/activities"), 422, "REGION_NOT_FOUND");
    }

    @Test
    void an_activity_ends_after_it_starts() {
        long community = Api.tree().community();

        assertProblem(as(Tokens.admin()).body(Activities.body(community, NEXT_WEEK_9AM, NEXT_WEEK_9AM, 5))
                .post("/api/v1/activities"), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("endsAt"))
                .body("errors.code", contains("ACTIVITY_END_NOT_AFTER_START"));
    }

    @ParameterizedTest(name = "{0} = {1} is refused")
    @CsvSource(delimiter = '|', value = {
            "capacity      | 0",
            "capacity      | 100001",
            "category      | kitchen",
            "category      | ''",
            "title         | ''",
            "pointsPerHour | -1",
            "pointsPerHour | 100000.5",
            "pointsPerHour | 1.2345"})
    void a_field_out_of_its_bounds_is_a_field_error(String field, String value) {
        Map<String, Object> body = Activities.body(Api.tree().community(), NEXT_WEEK_9AM, NEXT_WEEK_9AM.plusHours(1), 5);
        body.put(field, field.equals("category") || field.equals("title") ? value : new java.math.BigDecimal(value));

        assertProblem(as(Tokens.admin()).body(body).post("/api/v1/activities"), 400, "VALIDATION_FAILED")
                .body("errors.field", hasItem(field));
    }

    @Test
    void the_bounds_of_capacity_and_rate_are_accepted() {
        Map<String, Object> body = Activities.body(Activities.tree().community(), NEXT_WEEK_9AM, NEXT_WEEK_9AM.plusHours(1), 100000);
        body.put("pointsPerHour", new java.math.BigDecimal("100000"));

        as(Tokens.admin()).body(body).post("/api/v1/activities").then().statusCode(201)
                .body("capacity", equalTo(100000)).body("pointsPerHour", equalTo(100000));
    }

    @Test
    void an_activity_that_does_not_exist_is_not_found() {
        assertProblem(as(Tokens.volunteer(1)).get("/api/v1/activities/" + Long.MAX_VALUE), 404, "ACTIVITY_NOT_FOUND");
    }

    // ---- listing ----

    @Test
    void a_region_lists_the_activities_of_its_whole_subtree_in_order_of_start() {
        Api.Tree t = Activities.tree();
        long sister = Api.region(Api.unique("社区"), "COMMUNITY", t.street());
        long elsewhere = Activities.tree().community();
        long later = Activities.create(t.community(), NEXT_WEEK_9AM.plusDays(1), 5);
        long earlier = Activities.create(sister, NEXT_WEEK_9AM, 5);
        Activities.create(elsewhere, NEXT_WEEK_9AM, 5);

        String volunteer = Tokens.volunteer(Api.volunteer(t.community()).id());
        as(volunteer).get("/api/v1/activities?regionId=" + t.city()).then().statusCode(200)
                .body("items.id", contains((int) earlier, (int) later)).body("nextCursor", nullValue());
        as(volunteer).get("/api/v1/activities?regionId=" + t.street()).then().statusCode(200)
                .body("items.id", contains((int) earlier, (int) later));
        as(volunteer).get("/api/v1/activities?regionId=" + t.community()).then().statusCode(200)
                .body("items.id", contains((int) later));
        as(Tokens.shop("1")).get("/api/v1/activities?regionId=" + sister).then().statusCode(200)
                .body("items.id", contains((int) earlier));
    }

    @Test
    void mine_lists_only_the_activities_the_calling_volunteer_enrolled_in() {
        Api.Tree t = Activities.tree();
        long joined = Activities.create(t.community(), NEXT_WEEK_9AM, 5);
        Activities.create(t.community(), NEXT_WEEK_9AM.plusHours(4), 5);
        long alsoJoined = Activities.create(t.community(), NEXT_WEEK_9AM.plusDays(1), 5);
        long volunteer = Api.volunteer(t.community()).id();
        long other = Api.volunteer(t.community()).id();
        as(Tokens.volunteer(volunteer)).post("/api/v1/activities/" + alsoJoined + "/enrollments").then().statusCode(201);
        as(Tokens.volunteer(volunteer)).post("/api/v1/activities/" + joined + "/enrollments").then().statusCode(201);

        as(Tokens.volunteer(volunteer)).get("/api/v1/activities?mine=true&regionId=" + t.street()).then().statusCode(200)
                .body("items.id", contains((int) joined, (int) alsoJoined));
        as(Tokens.volunteer(other)).get("/api/v1/activities?mine=true").then().statusCode(200)
                .body("items", empty());
        as(Tokens.admin()).get("/api/v1/activities?mine=true&regionId=" + t.community()).then().statusCode(200)
                .body("items", empty());
        as(Tokens.volunteer(other)).get("/api/v1/activities?mine=false&regionId=" + t.community()).then().statusCode(200)
                .body("items.id", hasSize(3));
        assertProblem(as(Tokens.volunteer(volunteer)).get("/api/v1/activities?mine=yes"), 400, "INVALID_PARAMETER");
    }

    @Test
    void from_and_to_keep_the_activities_whose_time_overlaps_them() {
        Api.Tree t = Activities.tree();
        // three-hour activities at 9:00 on three days
        long day1 = Activities.create(t.community(), NEXT_WEEK_9AM, 5);
        long day2 = Activities.create(t.community(), NEXT_WEEK_9AM.plusDays(1), 5);
        long day3 = Activities.create(t.community(), NEXT_WEEK_9AM.plusDays(2), 5);
        String base = "/api/v1/activities?regionId=" + t.city();

        as(Tokens.admin()).queryParam("from", NEXT_WEEK_9AM.plusDays(1).plusHours(2).toString())
                .get(base).then().statusCode(200).body("items.id", contains((int) day2, (int) day3));
        as(Tokens.admin()).queryParam("to", NEXT_WEEK_9AM.plusDays(1).toString())
                .get(base).then().statusCode(200).body("items.id", contains((int) day1));
        as(Tokens.admin()).queryParam("from", NEXT_WEEK_9AM.plusHours(3).toString())
                .queryParam("to", NEXT_WEEK_9AM.plusDays(1).plusMinutes(1).toString())
                .get(base).then().statusCode(200).body("items.id", contains((int) day2));
        // the same instant in UTC
        as(Tokens.admin()).queryParam("from", NEXT_WEEK_9AM.plusDays(2).plusHours(2).atZoneSameInstant(java.time.ZoneOffset.UTC)
                        .toOffsetDateTime().toString())
                .get(base).then().statusCode(200).body("items.id", contains((int) day3));
    }

    @Test
    void the_list_pages_by_start_then_id_and_visits_every_activity_once() {
        Api.Tree t = Activities.tree();
        List<Integer> expected = new ArrayList<>();
        expected.add((int) Activities.create(t.community(), NEXT_WEEK_9AM, 5));
        // two at the same start: the id orders them
        expected.add((int) Activities.create(t.community(), NEXT_WEEK_9AM.plusHours(1), 5));
        expected.add((int) Activities.create(t.community(), NEXT_WEEK_9AM.plusHours(1), 5));
        expected.add((int) Activities.create(t.community(), NEXT_WEEK_9AM.plusHours(2), 5));
        expected.add((int) Activities.create(t.community(), NEXT_WEEK_9AM.plusHours(3), 5));

        List<Integer> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = as(Tokens.admin()).queryParam("regionId", t.city()).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/activities").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id", Integer.class));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);

        assertEquals(expected, seen);
        assertEquals(3, pages);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"from=yesterday", "from=2026-11-20", "to=2026-11-20T09:00:00", "regionId=abc", "regionId=0",
            "from=2026-11-21T00:00:00%2B08:00&to=2026-11-20T00:00:00%2B08:00"})
    void a_malformed_filter_is_refused_and_named(String query) {
        String name = query.contains("&") ? "to" : query.substring(0, query.indexOf('='));
        assertProblem(as(Tokens.admin()).urlEncodingEnabled(false).get("/api/v1/activities?" + query),
                400, "INVALID_PARAMETER")
                .body("detail", org.hamcrest.Matchers.containsString(name));
    }

    @ParameterizedTest(name = "cursor {0}")
    @ValueSource(strings = {"garbage", "djE6NQ", "YTE6eDox"})
    void a_cursor_this_list_never_issued_is_refused(String cursor) {
        assertProblem(as(Tokens.admin()).queryParam("cursor", cursor).get("/api/v1/activities"), 400, "INVALID_CURSOR");
    }

    @Test
    void a_limit_outside_1_to_100_is_refused() {
        assertProblem(as(Tokens.admin()).queryParam("limit", 101).get("/api/v1/activities"), 400, "INVALID_LIMIT");
    }
}
