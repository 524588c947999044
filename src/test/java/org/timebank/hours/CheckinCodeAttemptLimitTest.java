package org.timebank.hours;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.timebank.hours.Activities.YESTERDAY_9AM;
import static org.timebank.support.Api.as;
import static org.timebank.support.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.timebank.security.AttemptLimiter;
import org.timebank.security.RateLimitConfig;
import org.timebank.support.Api;
import org.timebank.support.Parallel;
import org.timebank.support.Tokens;

/**
 * Wrong check-in codes are limited per volunteer and per activity, in PostgreSQL: past the limit
 * every guess, the right code included, is a 429 TOO_MANY_ATTEMPTS with Retry-After until the
 * window that opened at the first failure has passed.
 */
@QuarkusTest
class CheckinCodeAttemptLimitTest {
    static final String WRONG = "ZZZZZZ";

    @Inject
    DataSource db;
    @Inject
    RateLimitConfig limits;
    @Inject
    AttemptLimiter limiter;

    record Venue(long community, long activity, String code) {}

    private static Venue venue() {
        // yesterday's activity: nobody could enroll in it, so it welcomes walk-ins
        Api.Tree t = Activities.tree();
        long activity = Activities.openToWalkIns(t.community(), YESTERDAY_9AM, 500);
        String code = as(Tokens.staff("staff-a", t.street())).post("/api/v1/activities/" + activity + "/checkin-codes")
                .then().statusCode(201).extract().jsonPath().getString("code");
        return new Venue(t.community(), activity, code);
    }

    private static Response checkIn(long volunteer, long activity, String code) {
        return checkIn(volunteer, activity, code, YESTERDAY_9AM);
    }

    private static Response checkIn(long volunteer, long activity, String code, OffsetDateTime from) {
        return as(Tokens.volunteer(volunteer))
                .body(Map.of("code", code, "checkIn", from.toString(), "checkOut", from.plusHours(1).toString()))
                .post("/api/v1/activities/" + activity + "/check-ins");
    }

    private static void guessWrong(long volunteer, long activity, int times) {
        for (int i = 0; i < times; i++) {
            assertProblem(checkIn(volunteer, activity, WRONG), 422, "CHECKIN_CODE_INVALID");
        }
    }

    private void assertTooManyAttempts(Response response) {
        assertProblem(response, 429, "TOO_MANY_ATTEMPTS");
        String retryAfter = response.header("Retry-After");
        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds >= 1 && seconds <= limits.checkinCode().window().toSeconds(), () -> "Retry-After " + retryAfter);
        // the detail tells a person the same wait
        assertTrue(response.jsonPath().getString("detail").contains(retryAfter), response::asString);
    }

    @Test
    void past_the_callers_limit_even_the_right_code_is_refused_with_429_and_retry_after() {
        Venue venue = venue();
        long v = Api.volunteer(venue.community()).id();

        guessWrong(v, venue.activity(), limits.checkinCode().perCaller());
        assertTooManyAttempts(checkIn(v, venue.activity(), venue.code()));
        assertTooManyAttempts(checkIn(v, venue.activity(), venue.code()));
        as(Tokens.admin()).get("/api/v1/hour-claims?activityId=" + venue.activity()).then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void the_callers_limit_holds_across_activities_and_leaves_other_volunteers_alone() {
        Venue venue = venue();
        Venue other = venue();
        long v = Api.volunteer(venue.community()).id();
        long neighbour = Api.volunteer(venue.community()).id();

        guessWrong(v, other.activity(), limits.checkinCode().perCaller());
        assertTooManyAttempts(checkIn(v, venue.activity(), venue.code()));
        checkIn(neighbour, venue.activity(), venue.code()).then().statusCode(201);
    }

    @Test
    void past_the_activitys_limit_every_volunteer_is_refused_there_but_not_elsewhere() {
        Venue venue = venue();
        Venue elsewhere = venue();
        int perCaller = limits.checkinCode().perCaller();
        int perActivity = limits.checkinCode().perActivity();

        for (int wrong = 0; wrong < perActivity; wrong += perCaller) {
            guessWrong(Api.volunteer(venue.community()).id(), venue.activity(), Math.min(perCaller, perActivity - wrong));
        }
        long fresh = Api.volunteer(venue.community()).id();
        assertTooManyAttempts(checkIn(fresh, venue.activity(), venue.code()));
        checkIn(fresh, elsewhere.activity(), elsewhere.code()).then().statusCode(201);
    }

    @Test
    void only_wrong_codes_count_neither_check_ins_nor_refusals_for_other_reasons() throws SQLException {
        Venue venue = venue();
        long v = Api.volunteer(venue.community()).id();
        int perCaller = limits.checkinCode().perCaller();

        guessWrong(v, venue.activity(), perCaller - 1);
        assertProblem(checkIn(v, venue.activity(), venue.code(), YESTERDAY_9AM.minusHours(5)), 422,
                "ATTENDANCE_OUTSIDE_ACTIVITY");
        checkIn(v, venue.activity(), venue.code()).then().statusCode(201);
        assertProblem(checkIn(v, venue.activity(), venue.code()), 409, "CLAIM_OVERLAPS");
        assertEquals(perCaller - 1, failures("checkin-code.caller", Long.toString(v)));

        guessWrong(v, venue.activity(), 1);
        assertTooManyAttempts(checkIn(v, venue.activity(), venue.code(), YESTERDAY_9AM.plusHours(1)));
    }

    @Test
    void when_the_window_has_passed_guesses_are_answered_again_and_the_purge_drops_the_old_counter()
            throws SQLException {
        Venue venue = venue();
        long v = Api.volunteer(venue.community()).id();
        guessWrong(v, venue.activity(), limits.checkinCode().perCaller());
        assertTooManyAttempts(checkIn(v, venue.activity(), venue.code()));

        moveWindowEnd("checkin-code.caller", Long.toString(v), "now() - interval '1 second'");
        limiter.purge();
        assertEquals(0, rows("checkin-code.caller", Long.toString(v)));
        assertEquals(1, rows("checkin-code.activity", Long.toString(venue.activity())));
        checkIn(v, venue.activity(), venue.code()).then().statusCode(201);

        // a fresh window: the limit counts from zero again
        guessWrong(v, venue.activity(), limits.checkinCode().perCaller());
        assertTooManyAttempts(checkIn(v, venue.activity(), WRONG));
    }

    @Test
    void a_limit_reached_on_another_replica_refuses_here_since_the_counters_are_in_postgresql() throws SQLException {
        Venue venue = venue();
        long v = Api.volunteer(venue.community()).id();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into attempt_counter (scope, key, failures, window_ends_at) "
                        + "values ('checkin-code.activity', ?, ?, now() + interval '5 minutes')")) {
            s.setString(1, Long.toString(venue.activity()));
            s.setInt(2, limits.checkinCode().perActivity());
            s.executeUpdate();
        }

        Response refused = checkIn(v, venue.activity(), venue.code());
        assertTooManyAttempts(refused);
        long seconds = Long.parseLong(refused.header("Retry-After"));
        assertTrue(seconds > 290 && seconds <= 300, () -> "Retry-After " + seconds);
    }

    @Test
    void a_burst_of_concurrent_wrong_guesses_is_counted_in_full_and_then_refused() throws Exception {
        Venue venue = venue();
        long v = Api.volunteer(venue.community()).id();
        int perCaller = limits.checkinCode().perCaller();
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 3 * perCaller; i++) {
            calls.add(() -> checkIn(v, venue.activity(), WRONG).statusCode());
        }

        List<Integer> statuses = Parallel.run(8, calls);

        long wrong = statuses.stream().filter(s -> s == 422).count();
        long refused = statuses.stream().filter(s -> s == 429).count();
        assertEquals(statuses.size(), wrong + refused, () -> "statuses " + statuses);
        // a guess is refused only once the limit's failures are in the database
        assertTrue(wrong >= perCaller, () -> "statuses " + statuses);
        // every failure answered was counted, by whichever thread: none lost to a race
        assertEquals(wrong, failures("checkin-code.caller", Long.toString(v)));
        assertEquals(wrong, failures("checkin-code.activity", Long.toString(venue.activity())));
        assertTooManyAttempts(checkIn(v, venue.activity(), venue.code()));
    }

    @Test
    void the_openapi_document_says_check_ins_may_answer_429_with_retry_after() {
        Map<String, Object> response = as(Tokens.admin()).queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().jsonPath()
                .getMap("paths.'/api/v1/activities/{id}/check-ins'.post.responses.'429'");
        assertTrue(response != null && response.get("description").toString().contains("TOO_MANY_ATTEMPTS"),
                () -> "429: " + response);
        assertTrue(((Map<?, ?>) response.get("headers")).containsKey("Retry-After"), () -> "429: " + response);
    }

    private long failures(String scope, String key) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "select coalesce(sum(failures), 0) from attempt_counter where scope = ? and key = ?")) {
            s.setString(1, scope);
            s.setString(2, key);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private long rows(String scope, String key) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "select count(*) from attempt_counter where scope = ? and key = ?")) {
            s.setString(1, scope);
            s.setString(2, key);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private void moveWindowEnd(String scope, String key, String to) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "update attempt_counter set window_ends_at = " + to + " where scope = ? and key = ?")) {
            s.setString(1, scope);
            s.setString(2, key);
            assertEquals(1, s.executeUpdate());
        }
    }
}
