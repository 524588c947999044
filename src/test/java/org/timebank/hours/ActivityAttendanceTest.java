package org.timebank.hours;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.timebank.hours.Activities.YESTERDAY_9AM;
import static org.timebank.hours.Activities.record;
import static org.timebank.hours.Activities.sheet;
import static org.timebank.support.Api.as;
import static org.timebank.support.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.timebank.ledger.LedgerHousekeeping;
import org.timebank.support.Api;
import org.timebank.support.LedgerChecks;
import org.timebank.support.Tokens;

/** Staff record who served at an activity: every record a pending claim, or, if one is bad, none. */
@QuarkusTest
class ActivityAttendanceTest {
    @Inject
    LedgerHousekeeping housekeeping;
    @Inject
    DataSource db;

    private static String attendance(long activity) {
        return "/api/v1/activities/" + activity + "/attendance";
    }

    @Test
    void attendance_becomes_pending_claims_that_another_staff_member_turns_into_hours_and_points() {
        Api.Tree t = Activities.tree();
        Map<String, Object> body = Activities.body(t.community(), YESTERDAY_9AM, YESTERDAY_9AM.plusHours(3), 10);
        body.put("pointsPerHour", 10);
        body.put("walkInsWelcome", true);
        long activity = as(Tokens.admin()).body(body).post("/api/v1/activities").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        Api.Volunteer cook = Api.volunteer(t.community());
        Api.Volunteer helper = Api.volunteer(Api.tree().community());

        JsonPath made = as(Tokens.staff("staff-a", t.community())).body(sheet(List.of(
                        record(cook.id(), YESTERDAY_9AM, YESTERDAY_9AM.plusMinutes(150)),
                        record(helper.id(), YESTERDAY_9AM.plusHours(1), YESTERDAY_9AM.plusHours(2)))))
                .post(attendance(activity)).then().statusCode(201)
                .body("activityId", equalTo((int) activity))
                .body("claims.volunteerId", contains((int) cook.id(), (int) helper.id()))
                .body("claims.minutes", contains(150, 60))
                .body("claims.status", everyItem(equalTo("PENDING")))
                .body("claims.activityId", everyItem(equalTo((int) activity)))
                .body("claims.communityId", everyItem(equalTo((int) t.community())))
                .body("claims.category", everyItem(equalTo("KITCHEN")))
                .body("claims.description", everyItem(equalTo("attendance: 社区食堂帮厨")))
                .body("claims.submittedBy", everyItem(equalTo("staff-a")))
                .extract().jsonPath();
        long cookClaim = made.getLong("claims[0].id");

        as(Tokens.staff("staff-b", t.street())).get("/api/v1/hour-claims?activityId=" + activity).then().statusCode(200)
                .body("items.id", containsInAnyOrder(made.getInt("claims[0].id"), made.getInt("claims[1].id")));
        as(Tokens.volunteer(cook.id())).get("/api/v1/hour-claims?activityId=" + activity).then().statusCode(200)
                .body("items.id", contains((int) cookClaim));

        // 150 minutes at the activity's own 10 points an hour, not the city's KITCHEN rate of 6
        as(Tokens.staff("staff-b", t.street())).body(Map.of("decision", "APPROVE"))
                .post("/api/v1/hour-claims/" + cookClaim + "/decision").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("points", equalTo(25));
        assertEquals(150, Api.balance(cook, "hours.minutes"));
        assertEquals(25, Api.balance(cook, "points.available"));
        assertEquals(0, Api.balance(helper, "points.available"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    /** An activity under way (started two hours ago, ends in one): volunteers may still enroll in it. */
    private static long underWay(long community, boolean walkInsWelcome, java.time.OffsetDateTime startsAt) {
        Map<String, Object> body = Activities.body(community, startsAt, startsAt.plusHours(3), 5);
        body.put("walkInsWelcome", walkInsWelcome);
        return as(Tokens.admin()).body(body).post("/api/v1/activities").then().statusCode(201)
                .body("walkInsWelcome", equalTo(walkInsWelcome)).extract().jsonPath().getLong("id");
    }

    @Test
    void only_volunteers_who_enrolled_are_recorded_at_an_activity_that_does_not_welcome_walk_ins() {
        Api.Tree t = Activities.tree();
        var start = java.time.OffsetDateTime.now(Activities.CHINA).withNano(0).minusHours(2);
        long activity = underWay(t.community(), false, start);
        Api.Volunteer enrolled = Api.volunteer(t.community());
        Api.Volunteer walkIn = Api.volunteer(t.community());
        as(Tokens.volunteer(enrolled.id())).post("/api/v1/activities/" + activity + "/enrollments").then()
                .statusCode(201);
        String staff = Tokens.staff("staff-a", t.street());

        assertProblem(as(staff).header("Accept-Language", "en").body(sheet(List.of(
                        record(enrolled.id(), start, start.plusHours(1)),
                        record(walkIn.id(), start, start.plusHours(1)))))
                .post(attendance(activity)), 422, "ATTENDANCE_INVALID")
                .body("errors.field", contains("records[1]"))
                .body("errors.code", contains("NOT_ENROLLED"))
                .body("errors[0].detail", equalTo("Volunteer " + walkIn.id() + " did not enroll in this activity, "
                        + "which does not welcome walk-ins"));
        as(Tokens.admin()).get("/api/v1/hour-claims?activityId=" + activity).then().body("items", hasSize(0));

        as(staff).body(sheet(List.of(record(enrolled.id(), start, start.plusHours(1))))).post(attendance(activity))
                .then().statusCode(201).body("claims.volunteerId", contains((int) enrolled.id()));
    }

    @Test
    void an_activity_that_welcomes_walk_ins_records_whoever_came() {
        Api.Tree t = Activities.tree();
        var start = java.time.OffsetDateTime.now(Activities.CHINA).withNano(0).minusHours(2);
        long activity = underWay(t.community(), true, start);
        Api.Volunteer enrolled = Api.volunteer(t.community());
        Api.Volunteer walkIn = Api.volunteer(t.community());
        as(Tokens.volunteer(enrolled.id())).post("/api/v1/activities/" + activity + "/enrollments").then()
                .statusCode(201);

        as(Tokens.staff("staff-a", t.street())).body(sheet(List.of(
                        record(enrolled.id(), start, start.plusHours(1)),
                        record(walkIn.id(), start, start.plusHours(1)))))
                .post(attendance(activity)).then().statusCode(201)
                .body("claims.volunteerId", contains((int) enrolled.id(), (int) walkIn.id()));
    }

    @Test
    void one_bad_record_fails_the_whole_sheet_and_every_bad_record_is_named() {
        Api.Tree t = Activities.tree();
        long activity = Activities.openToWalkIns(t.community(), YESTERDAY_9AM, 10);
        Api.Volunteer a = Api.volunteer(t.community());
        Api.Volunteer b = Api.volunteer(t.community());
        Api.Volunteer c = Api.volunteer(t.community());
        // c already has a pending claim for the morning
        as(Tokens.volunteer(c.id())).body(Map.of("startsAt", YESTERDAY_9AM.toString(),
                "endsAt", YESTERDAY_9AM.plusHours(1).toString())).post("/api/v1/hour-claims").then().statusCode(201);
        long claimsBefore = claimRows();

        assertProblem(as(Tokens.staff("staff-a", t.street())).body(sheet(List.of(
                        record(a.id(), YESTERDAY_9AM, YESTERDAY_9AM.plusHours(2)),                               // fine
                        record(b.id(), YESTERDAY_9AM.plusHours(1), YESTERDAY_9AM),                               // backwards
                        record(Long.MAX_VALUE, YESTERDAY_9AM, YESTERDAY_9AM.plusHours(1)),                       // nobody
                        record(c.id(), YESTERDAY_9AM.plusMinutes(30), YESTERDAY_9AM.plusHours(2)),               // overlaps c's claim
                        record(b.id(), YESTERDAY_9AM.plusHours(1), YESTERDAY_9AM.plusHours(2)),                  // overlaps record 5
                        record(b.id(), YESTERDAY_9AM.plusMinutes(90), YESTERDAY_9AM.plusHours(3)),               // overlaps record 4
                        record(a.id(), YESTERDAY_9AM.minusDays(1), YESTERDAY_9AM.minusDays(1).plusHours(1)))))   // not at the activity
                .post(attendance(activity)), 422, "ATTENDANCE_INVALID")
                .body("errors.field", contains("records[1]", "records[2]", "records[3]", "records[4]", "records[5]",
                        "records[6]"))
                .body("errors.code", contains("CLAIM_END_NOT_AFTER_START", "VOLUNTEER_NOT_FOUND", "CLAIM_OVERLAPS",
                        "ATTENDANCE_RECORDS_OVERLAP", "ATTENDANCE_RECORDS_OVERLAP", "ATTENDANCE_OUTSIDE_ACTIVITY"))
                .body("errors.detail", everyItem(org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString())));

        assertEquals(claimsBefore, claimRows(), "nothing was recorded");
        as(Tokens.admin()).get("/api/v1/hour-claims?activityId=" + activity).then().body("items", hasSize(0));
    }

    @Test
    void a_record_breaking_the_claim_rules_reports_each_rule_it_breaks() {
        Api.Tree t = Activities.tree();
        var now = java.time.OffsetDateTime.now(Activities.CHINA).withNano(0);
        Map<String, Object> body = Activities.body(t.community(), now.minusHours(20), now.plusHours(1), 5);
        body.put("walkInsWelcome", true);
        long activity = as(Tokens.admin()).body(body).post("/api/v1/activities").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        Api.Volunteer v = Api.volunteer(t.community());

        assertProblem(as(Tokens.staff("staff-a", t.street()))
                .header("Accept-Language", "en")
                .body(sheet(List.of(record(v.id(), now.minusHours(19), now.plusHours(1)))))
                .post(attendance(activity)), 422, "ATTENDANCE_INVALID")
                .body("errors.code", contains("CLAIM_IN_FUTURE", "CLAIM_TOO_LONG"))
                .body("errors[1].detail", equalTo("One claim may not exceed 720 minutes"))
                .body("detail", equalTo("1 attendance record(s) are not valid; nothing was recorded"));
    }

    @Test
    void a_sheet_is_judged_against_claims_it_recorded_before() {
        Api.Tree t = Activities.tree();
        long activity = Activities.openToWalkIns(t.community(), YESTERDAY_9AM, 5);
        Api.Volunteer v = Api.volunteer(t.community());
        Map<String, Object> once = sheet(List.of(record(v.id(), YESTERDAY_9AM, YESTERDAY_9AM.plusHours(2))));
        as(Tokens.staff("staff-a", t.street())).body(once).post(attendance(activity)).then().statusCode(201);

        assertProblem(as(Tokens.staff("staff-b", t.street())).body(once).post(attendance(activity)),
                422, "ATTENDANCE_INVALID")
                .body("errors.field", contains("records[0]")).body("errors.code", contains("CLAIM_OVERLAPS"));
    }

    @Test
    void a_retried_sheet_with_the_same_key_records_once() {
        Api.Tree t = Activities.tree();
        long activity = Activities.openToWalkIns(t.community(), YESTERDAY_9AM, 5);
        Api.Volunteer v = Api.volunteer(t.community());
        Map<String, Object> body = sheet(List.of(record(v.id(), YESTERDAY_9AM, YESTERDAY_9AM.plusHours(2))));
        String key = Api.key();
        int claim = as(Tokens.staff("staff-a", t.street())).header("Idempotency-Key", key).body(body)
                .post(attendance(activity)).then().statusCode(201).extract().jsonPath().getInt("claims[0].id");

        as(Tokens.staff("staff-a", t.street())).header("Idempotency-Key", key).body(body).post(attendance(activity))
                .then().statusCode(201).header("Idempotency-Replayed", "true").body("claims.id", contains(claim));
        as(Tokens.admin()).get("/api/v1/hour-claims?activityId=" + activity).then().body("items.id", contains(claim));
    }

    @Test
    void staff_never_record_their_own_attendance() {
        Api.Tree t = Activities.tree();
        long activity = Activities.openToWalkIns(t.community(), YESTERDAY_9AM, 5);
        Api.Volunteer self = Api.volunteer(t.community());
        Api.Volunteer other = Api.volunteer(t.community());
        String staffWhoVolunteers = Tokens.staff(Long.toString(self.id()), t.street());

        assertProblem(as(staffWhoVolunteers).body(sheet(List.of(
                        record(other.id(), YESTERDAY_9AM, YESTERDAY_9AM.plusHours(1)),
                        record(self.id(), YESTERDAY_9AM, YESTERDAY_9AM.plusHours(1)))))
                .post(attendance(activity)), 403, "OWN_CLAIM");
        as(Tokens.admin()).get("/api/v1/hour-claims?activityId=" + activity).then().body("items", hasSize(0));
    }

    @ParameterizedTest(name = "{0} recording attendance gets {1}")
    @CsvSource({
            "COMMUNITY_STAFF, 201",
            "STREET_STAFF,    201",
            "OUTSIDE_STAFF,   NOT_IN_SCOPE",
            "VOLUNTEER,       FORBIDDEN",
            "SHOP_OPERATOR,   FORBIDDEN",
            "ADMIN,           FORBIDDEN"})
    void only_staff_serving_the_activitys_community_record_attendance(String caller, String outcome) {
        Api.Tree t = Activities.tree();
        long activity = Activities.openToWalkIns(t.community(), YESTERDAY_9AM, 5);
        Api.Volunteer v = Api.volunteer(t.community());
        String token = switch (caller) {
            case "COMMUNITY_STAFF" -> Tokens.staff("staff-c", t.community());
            case "STREET_STAFF" -> Tokens.staff("staff-s", t.street());
            case "OUTSIDE_STAFF" -> Tokens.staff("staff-x", Api.tree().street());
            case "VOLUNTEER" -> Tokens.volunteer(v.id());
            case "SHOP_OPERATOR" -> Tokens.shop("1");
            case "ADMIN" -> Tokens.admin();
            default -> throw new IllegalArgumentException(caller);
        };
        var response = as(token).body(sheet(List.of(record(v.id(), YESTERDAY_9AM, YESTERDAY_9AM.plusHours(1)))))
                .post(attendance(activity));

        if (outcome.equals("201")) {
            response.then().statusCode(201).body("claims", hasSize(1));
        } else {
            assertProblem(response, 403, outcome);
            as(Tokens.admin()).get("/api/v1/hour-claims?activityId=" + activity).then().body("items", hasSize(0));
        }
    }

    @Test
    void a_sheet_holds_one_to_two_hundred_records() {
        Api.Tree t = Activities.tree();
        long activity = Activities.openToWalkIns(t.community(), YESTERDAY_9AM, 5);
        String staff = Tokens.staff("staff-a", t.street());
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            many.add(record(1, YESTERDAY_9AM, YESTERDAY_9AM.plusHours(1)));
        }

        assertProblem(as(staff).body(sheet(List.of())).post(attendance(activity)), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("records"));
        assertProblem(as(staff).body(sheet(many)).post(attendance(activity)), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("records"));
        assertProblem(as(staff).body(Map.of("records", List.of(Map.of("volunteerId", 1)))).post(attendance(activity)),
                400, "VALIDATION_FAILED");
        assertProblem(as(staff).body(sheet(List.of(record(1, YESTERDAY_9AM, YESTERDAY_9AM.plusHours(1)))))
                .post(attendance(Long.MAX_VALUE)), 404, "ACTIVITY_NOT_FOUND");
    }

    private long claimRows() {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from hour_claim");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
