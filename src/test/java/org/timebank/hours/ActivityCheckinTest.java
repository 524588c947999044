package org.timebank.hours;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.timebank.hours.Activities.YESTERDAY_9AM;
import static org.timebank.support.Api.as;
import static org.timebank.support.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.timebank.ledger.LedgerHousekeeping;
import org.timebank.support.Api;
import org.timebank.support.LedgerChecks;
import org.timebank.support.Tokens;

/** Volunteers check themselves in with the code staff show at the venue. */
@QuarkusTest
class ActivityCheckinTest {
    @Inject
    DataSource db;
    @Inject
    LedgerHousekeeping housekeeping;

    private static String codes(long activity) {
        return "/api/v1/activities/" + activity + "/checkin-codes";
    }

    private static String checkIns(long activity) {
        return "/api/v1/activities/" + activity + "/check-ins";
    }

    private static Map<String, Object> checkIn(String code, OffsetDateTime in, OffsetDateTime out) {
        return Map.of("code", code, "checkIn", in.toString(), "checkOut", out.toString());
    }

    @Test
    void a_volunteer_checks_in_with_the_venues_code_and_staff_approve_the_claim() {
        Api.Tree t = Activities.tree();
        long activity = Activities.openToWalkIns(t.community(), YESTERDAY_9AM, 10);
        Api.Volunteer v = Api.volunteer(t.community());

        JsonPath issued = as(Tokens.staff("staff-a", t.community())).post(codes(activity)).then().statusCode(201)
                .body("code", matchesPattern("[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}")).extract().jsonPath();
        Duration valid = Duration.between(OffsetDateTime.now(), OffsetDateTime.parse(issued.getString("expiresAt")));
        assertTrue(valid.compareTo(Duration.ofMinutes(119)) > 0 && valid.compareTo(Duration.ofMinutes(121)) < 0,
                () -> "valid for " + valid);
        String code = issued.getString("code");

        var created = as(Tokens.volunteer(v.id()))
                .body(checkIn(code.toLowerCase(), YESTERDAY_9AM, YESTERDAY_9AM.plusMinutes(90)))
                .post(checkIns(activity)).then().statusCode(201)
                .body("volunteerId", equalTo((int) v.id())).body("activityId", equalTo((int) activity))
                .body("status", equalTo("PENDING")).body("minutes", equalTo(90))
                .body("category", equalTo("KITCHEN")).body("submittedBy", equalTo(Long.toString(v.id())))
                .extract();
        long claim = created.jsonPath().getLong("id");
        assertEquals("/api/v1/hour-claims/" + claim, java.net.URI.create(created.header("Location")).getPath());

        // KITCHEN earns 6 points an hour in this city: 90 minutes make 9
        as(Tokens.staff("staff-b", t.street())).body(Map.of("decision", "APPROVE"))
                .post("/api/v1/hour-claims/" + claim + "/decision").then().statusCode(200).body("points", equalTo(9));
        assertEquals(9, Api.balance(v, "points.available"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void a_volunteer_who_did_not_enroll_checks_in_only_where_walk_ins_are_welcome() {
        Api.Tree t = Activities.tree();
        OffsetDateTime start = OffsetDateTime.now(Activities.CHINA).withNano(0).minusHours(2);
        Map<String, Object> body = Activities.body(t.community(), start, start.plusHours(3), 5);
        long enrolledOnly = as(Tokens.admin()).body(body).post("/api/v1/activities").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        body.put("walkInsWelcome", true);
        long walkIns = as(Tokens.admin()).body(body).post("/api/v1/activities").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        String staff = Tokens.staff("staff-a", t.street());
        String enrolledOnlyCode = as(staff).post(codes(enrolledOnly)).then().statusCode(201).extract().jsonPath()
                .getString("code");
        String walkInsCode = as(staff).post(codes(walkIns)).then().statusCode(201).extract().jsonPath().getString("code");
        Api.Volunteer walkIn = Api.volunteer(t.community());
        Api.Volunteer enrolled = Api.volunteer(t.community());
        as(Tokens.volunteer(enrolled.id())).post("/api/v1/activities/" + enrolledOnly + "/enrollments").then()
                .statusCode(201);

        assertProblem(as(Tokens.volunteer(walkIn.id())).body(checkIn(enrolledOnlyCode, start, start.plusHours(1)))
                .post(checkIns(enrolledOnly)), 422, "NOT_ENROLLED");
        as(Tokens.admin()).get("/api/v1/hour-claims?activityId=" + enrolledOnly).then().body("items.size()", equalTo(0));

        as(Tokens.volunteer(enrolled.id())).body(checkIn(enrolledOnlyCode, start, start.plusHours(1)))
                .post(checkIns(enrolledOnly)).then().statusCode(201);
        as(Tokens.volunteer(walkIn.id())).body(checkIn(walkInsCode, start, start.plusHours(1)))
                .post(checkIns(walkIns)).then().statusCode(201);
    }

    @Test
    void the_code_is_kept_only_as_a_keyed_hash() {
        Api.Tree t = Activities.tree();
        long activity = Activities.openToWalkIns(t.community(), YESTERDAY_9AM, 10);

        String code = as(Tokens.staff("staff-a", t.street())).post(codes(activity)).then().statusCode(201)
                .extract().jsonPath().getString("code");

        byte[] stored = storedHash(activity);
        assertEquals(32, stored.length);
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains(code));
    }

    @Test
    void a_wrong_code_or_a_code_of_another_activity_checks_nobody_in() {
        Api.Tree t = Activities.tree();
        long activity = Activities.openToWalkIns(t.community(), YESTERDAY_9AM, 10);
        long other = Activities.openToWalkIns(t.community(), YESTERDAY_9AM, 10);
        String staff = Tokens.staff("staff-a", t.street());
        String otherCode = as(staff).post(codes(other)).then().statusCode(201).extract().jsonPath().getString("code");
        as(staff).post(codes(activity)).then().statusCode(201);
        Api.Volunteer v = Api.volunteer(t.community());

        assertProblem(as(Tokens.volunteer(v.id())).body(checkIn(otherCode, YESTERDAY_9AM, YESTERDAY_9AM.plusHours(1)))
                .post(checkIns(activity)), 422, "CHECKIN_CODE_INVALID");
        assertProblem(as(Tokens.volunteer(v.id())).body(checkIn("ZZZZZZ", YESTERDAY_9AM, YESTERDAY_9AM.plusHours(1)))
                .post(checkIns(activity)), 422, "CHECKIN_CODE_INVALID");
        as(Tokens.admin()).get("/api/v1/hour-claims?activityId=" + activity).then().body("items.size()", equalTo(0));
    }

    @Test
    void an_expired_code_checks_nobody_in() throws SQLException {
        Api.Tree t = Activities.tree();
        long activity = Activities.openToWalkIns(t.community(), YESTERDAY_9AM, 10);
        String code = as(Tokens.staff("staff-a", t.street())).post(codes(activity)).then().statusCode(201)
                .extract().jsonPath().getString("code");
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "update activity_checkin_code set expires_at = now() - interval '1 second' where activity_id = ?")) {
            s.setLong(1, activity);
            assertEquals(1, s.executeUpdate());
        }

        assertProblem(as(Tokens.volunteer(Api.volunteer(t.community()).id()))
                .body(checkIn(code, YESTERDAY_9AM, YESTERDAY_9AM.plusHours(1))).post(checkIns(activity)),
                422, "CHECKIN_CODE_INVALID");
    }

    @Test
    void a_check_in_is_for_time_at_the_activity_and_follows_the_claim_rules() {
        Api.Tree t = Activities.tree();
        long activity = Activities.openToWalkIns(t.community(), YESTERDAY_9AM, 10);
        String code = as(Tokens.staff("staff-a", t.street())).post(codes(activity)).then().statusCode(201)
                .extract().jsonPath().getString("code");
        String volunteer = Tokens.volunteer(Api.volunteer(t.community()).id());

        assertProblem(as(volunteer).body(checkIn(code, YESTERDAY_9AM.minusHours(3), YESTERDAY_9AM.minusHours(1)))
                .post(checkIns(activity)), 422, "ATTENDANCE_OUTSIDE_ACTIVITY");
        assertProblem(as(volunteer).body(checkIn(code, YESTERDAY_9AM.plusHours(1), YESTERDAY_9AM))
                .post(checkIns(activity)), 422, "CLAIM_END_NOT_AFTER_START");
        as(volunteer).body(checkIn(code, YESTERDAY_9AM, YESTERDAY_9AM.plusHours(1))).post(checkIns(activity))
                .then().statusCode(201);
        assertProblem(as(volunteer).body(checkIn(code, YESTERDAY_9AM.plusMinutes(30), YESTERDAY_9AM.plusHours(2)))
                .post(checkIns(activity)), 409, "CLAIM_OVERLAPS");
    }

    @Test
    void only_staff_in_scope_issue_codes_and_only_volunteers_check_in() {
        Api.Tree t = Activities.tree();
        long activity = Activities.openToWalkIns(t.community(), YESTERDAY_9AM, 10);
        Api.Volunteer v = Api.volunteer(t.community());

        assertProblem(as(Tokens.staff("staff-x", Api.tree().street())).post(codes(activity)), 403, "NOT_IN_SCOPE");
        assertProblem(as(Tokens.volunteer(v.id())).post(codes(activity)), 403, "FORBIDDEN");
        assertProblem(as(Tokens.shop("1")).post(codes(activity)), 403, "FORBIDDEN");
        String code = as(Tokens.staff("staff-a", t.street())).post(codes(activity)).then().statusCode(201)
                .extract().jsonPath().getString("code");
        assertProblem(as(Tokens.staff("staff-a", t.street()))
                .body(checkIn(code, YESTERDAY_9AM, YESTERDAY_9AM.plusHours(1))).post(checkIns(activity)), 403, "FORBIDDEN");
        assertEquals(1, codeRows(activity));
    }

    private byte[] storedHash(long activity) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("select code_hash from activity_checkin_code where activity_id = ?")) {
            s.setLong(1, activity);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                byte[] hash = r.getBytes(1);
                assertFalse(r.next());
                return Arrays.copyOf(hash, hash.length);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long codeRows(long activity) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from activity_checkin_code where activity_id = ?")) {
            s.setLong(1, activity);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
