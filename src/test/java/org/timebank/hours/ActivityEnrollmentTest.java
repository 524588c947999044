package org.timebank.hours;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.timebank.hours.Activities.NEXT_WEEK_9AM;
import static org.timebank.hours.Activities.YESTERDAY_9AM;
import static org.timebank.support.Api.as;
import static org.timebank.support.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.timebank.support.Api;
import org.timebank.support.Parallel;
import org.timebank.support.Tokens;

/** Volunteers enroll once each, never beyond capacity, and only while the activity lasts. */
@QuarkusTest
class ActivityEnrollmentTest {
    @Inject
    DataSource db;

    private static String enrollments(long activity) {
        return "/api/v1/activities/" + activity + "/enrollments";
    }

    @Test
    void a_volunteer_enrolls_in_an_activity_of_any_community() {
        Api.Tree t = Api.tree();
        long activity = Activities.create(Activities.tree().community(), NEXT_WEEK_9AM, 5);
        Api.Volunteer v = Api.volunteer(t.community());

        as(Tokens.volunteer(v.id())).post(enrollments(activity)).then().statusCode(201)
                .body("activityId", equalTo((int) activity)).body("volunteerId", equalTo((int) v.id()))
                .body("enrolledAt", notNullValue());

        as(Tokens.volunteer(v.id())).get("/api/v1/activities/" + activity).then().statusCode(200)
                .body("enrolled", equalTo(1));
        assertEquals(1, enrollmentRows(activity));
    }

    @Test
    void an_empty_object_is_as_good_as_no_body_and_a_field_is_refused() throws Exception {
        long activity = Activities.create(Activities.tree().community(), NEXT_WEEK_9AM, 5);
        Api.Volunteer v = Api.volunteer(Api.tree().community());

        assertProblem(as(Tokens.volunteer(v.id())).body(Map.of("volunteerId", 1)).post(enrollments(activity)),
                400, "UNKNOWN_FIELD").body("errors.field", contains("volunteerId"));
        assertProblem(as(Tokens.volunteer(v.id())).body("[]").post(enrollments(activity)), 400, "MALFORMED_JSON");
        assertProblem(as(Tokens.volunteer(v.id())).body("{").post(enrollments(activity)), 400, "MALFORMED_JSON");
        as(Tokens.volunteer(v.id())).body(Map.of()).post(enrollments(activity)).then().statusCode(201);
        Api.Volunteer bare = Api.volunteer(Api.tree().community());
        HttpResponse<String> noBody = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port + enrollments(activity)))
                .header("Authorization", "Bearer " + Tokens.volunteer(bare.id()))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, noBody.statusCode(), noBody::body);
        as(Tokens.admin()).get("/api/v1/activities/" + activity).then().body("enrolled", equalTo(2));
    }

    @Test
    void a_volunteer_enrolls_only_once() {
        long activity = Activities.create(Activities.tree().community(), NEXT_WEEK_9AM, 5);
        Api.Volunteer v = Api.volunteer(Api.tree().community());
        as(Tokens.volunteer(v.id())).post(enrollments(activity)).then().statusCode(201);

        assertProblem(as(Tokens.volunteer(v.id())).post(enrollments(activity)), 409, "ALREADY_ENROLLED");

        as(Tokens.admin()).get("/api/v1/activities/" + activity).then().body("enrolled", equalTo(1));
        assertEquals(1, enrollmentRows(activity));
    }

    @Test
    void a_retried_enrollment_with_the_same_key_is_answered_again_not_refused() {
        long activity = Activities.create(Activities.tree().community(), NEXT_WEEK_9AM, 5);
        Api.Volunteer v = Api.volunteer(Api.tree().community());
        String key = Api.key();
        as(Tokens.volunteer(v.id())).header("Idempotency-Key", key).post(enrollments(activity)).then().statusCode(201);

        as(Tokens.volunteer(v.id())).header("Idempotency-Key", key).post(enrollments(activity)).then().statusCode(201)
                .header("Idempotency-Replayed", "true").body("volunteerId", equalTo((int) v.id()));
        as(Tokens.admin()).get("/api/v1/activities/" + activity).then().body("enrolled", equalTo(1));
    }

    @Test
    void a_full_activity_takes_nobody_more() {
        long community = Activities.tree().community();
        long activity = Activities.create(community, NEXT_WEEK_9AM, 2);
        for (int i = 0; i < 2; i++) {
            as(Tokens.volunteer(Api.volunteer(community).id())).post(enrollments(activity)).then().statusCode(201);
        }
        Api.Volunteer late = Api.volunteer(community);

        assertProblem(as(Tokens.volunteer(late.id())).post(enrollments(activity)), 409, "ACTIVITY_FULL");

        as(Tokens.admin()).get("/api/v1/activities/" + activity).then().body("enrolled", equalTo(2));
        assertEquals(2, enrollmentRows(activity), "the refused enrollment left no row behind");
    }

    @Test
    void a_volunteer_already_enrolled_in_a_full_activity_hears_that_they_are_enrolled() {
        long community = Activities.tree().community();
        long activity = Activities.create(community, NEXT_WEEK_9AM, 1);
        Api.Volunteer v = Api.volunteer(community);
        as(Tokens.volunteer(v.id())).post(enrollments(activity)).then().statusCode(201);

        assertProblem(as(Tokens.volunteer(v.id())).post(enrollments(activity)), 409, "ALREADY_ENROLLED");
    }

    @Test
    void thirty_volunteers_enrolling_at_once_fill_ten_seats_exactly() throws Exception {
        long community = Activities.tree().community();
        long activity = Activities.create(community, NEXT_WEEK_9AM, 10);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String token = Tokens.volunteer(Api.volunteer(community).id());
            calls.add(() -> as(token).post(enrollments(activity)));
        }

        List<Response> responses = Parallel.run(30, calls);

        assertEquals(10, responses.stream().filter(r -> r.statusCode() == 201).count(), () -> statuses(responses));
        assertEquals(20, responses.stream().filter(r -> r.statusCode() == 409
                && "ACTIVITY_FULL".equals(r.jsonPath().getString("code"))).count(), () -> statuses(responses));
        as(Tokens.admin()).get("/api/v1/activities/" + activity).then().body("enrolled", equalTo(10));
        assertEquals(10, enrollmentRows(activity));
    }

    @Test
    void an_activity_that_has_ended_takes_no_enrollments() {
        long activity = Activities.create(Activities.tree().community(), YESTERDAY_9AM, 5);
        Api.Volunteer v = Api.volunteer(Api.tree().community());

        assertProblem(as(Tokens.volunteer(v.id())).post(enrollments(activity)), 422, "ACTIVITY_ENDED");
        assertEquals(0, enrollmentRows(activity));
    }

    @Test
    void an_activity_under_way_still_takes_enrollments() {
        Api.Tree t = Activities.tree();
        var now = java.time.OffsetDateTime.now(Activities.CHINA).withNano(0);
        long activity = as(Tokens.admin()).body(Activities.body(t.community(), now.minusHours(1), now.plusHours(1), 5))
                .post("/api/v1/activities").then().statusCode(201).extract().jsonPath().getLong("id");

        as(Tokens.volunteer(Api.volunteer(t.community()).id())).post(enrollments(activity)).then().statusCode(201);
    }

    @Test
    void only_volunteers_enroll_and_only_in_activities_that_exist() {
        Api.Tree t = Activities.tree();
        long activity = Activities.create(t.community(), NEXT_WEEK_9AM, 5);

        assertProblem(as(Tokens.staff("staff-a", t.street())).post(enrollments(activity)), 403, "FORBIDDEN");
        assertProblem(as(Tokens.admin()).post(enrollments(activity)), 403, "FORBIDDEN");
        assertProblem(as(Tokens.shop("1")).post(enrollments(activity)), 403, "FORBIDDEN");
        assertProblem(as(Tokens.volunteer(Api.volunteer(t.community()).id())).post(enrollments(Long.MAX_VALUE)),
                404, "ACTIVITY_NOT_FOUND");
        as(Tokens.admin()).get("/api/v1/activities/" + activity).then().body("enrolled", equalTo(0));
    }

    private static String statuses(List<Response> responses) {
        return responses.stream().map(r -> r.statusCode() + " " + r.asString()).toList().toString();
    }

    private long enrollmentRows(long activity) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from enrollment where activity_id = ?")) {
            s.setLong(1, activity);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void staff_of_the_community_read_who_enrolled_a_page_at_a_time_and_no_one_else_does() {
        Api.Tree t = Activities.tree();
        long activity = Activities.create(t.community(), NEXT_WEEK_9AM, 5);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Api.Volunteer v = Api.volunteer(t.community());
            as(Tokens.volunteer(v.id())).post(enrollments(activity)).then().statusCode(201);
            ids.add(v.id());
        }
        String staff = Tokens.staff(Api.unique("staff"), t.street());

        String cursor = as(staff).queryParam("limit", 2).get(enrollments(activity)).then().statusCode(200)
                .body("items.volunteerId", contains(ids.get(0).intValue(), ids.get(1).intValue()))
                .body("items[0].activityId", equalTo((int) activity)).body("items[0].enrolledAt", notNullValue())
                .extract().jsonPath().getString("nextCursor");
        as(staff).queryParam("limit", 2).queryParam("cursor", cursor).get(enrollments(activity)).then().statusCode(200)
                .body("items.volunteerId", contains(ids.get(2).intValue())).body("nextCursor", equalTo(null));

        assertProblem(as(Tokens.staff(Api.unique("staff"), Api.tree().community())).get(enrollments(activity)),
                403, "NOT_IN_SCOPE");
        assertProblem(as(Tokens.volunteer(ids.get(0))).get(enrollments(activity)), 403, "FORBIDDEN");
        assertProblem(as(staff).get(enrollments(999_999_999L)), 404, "ACTIVITY_NOT_FOUND");
    }
}
