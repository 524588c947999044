package org.timebank.hours;

import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.timebank.hours.HourClaimFixtures.approve;
import static org.timebank.hours.HourClaimFixtures.assertBalance;
import static org.timebank.hours.HourClaimFixtures.claim;
import static org.timebank.hours.HourClaimFixtures.decide;
import static org.timebank.hours.HourClaimFixtures.historyKinds;
import static org.timebank.hours.HourClaimFixtures.putRules;
import static org.timebank.hours.HourClaimFixtures.read;
import static org.timebank.hours.HourClaimFixtures.rules;
import static org.timebank.hours.HourClaimFixtures.staffOf;
import static org.timebank.hours.HourClaimFixtures.staffWhoIs;
import static org.timebank.hours.HourClaimFixtures.status;
import static org.timebank.hours.HourClaimFixtures.yesterday;
import static org.timebank.support.Api.as;
import static org.timebank.support.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.timebank.ledger.LedgerHousekeeping;
import org.timebank.support.Api;
import org.timebank.support.LedgerChecks;
import org.timebank.support.Parallel;
import org.timebank.support.Tokens;

/** Deciding hour claims: who may, two reviewers for long claims, batches, and staff deciding at once. */
@QuarkusTest
class HourClaimDecisionTest {
    @Inject
    LedgerHousekeeping housekeeping;

    /** A tree whose city converts every category at 1 point an hour, to the minute, rounded down. */
    private static Api.Tree ruledTree() {
        Api.Tree t = Api.tree();
        putRules(t.city(), rules("DEFAULT", 1));
        return t;
    }

    // ---- who may decide ----

    @Test
    void a_volunteer_cannot_decide_a_claim() {
        Api.Tree t = ruledTree();
        Api.Volunteer v = Api.volunteer(t.community());
        Api.Volunteer other = Api.volunteer(t.community());
        long id = claim(v, yesterday(9, 0), yesterday(10, 0));

        assertProblem(decide(Tokens.volunteer(v.id()), id, "APPROVE", null), 403, "FORBIDDEN");
        assertProblem(decide(Tokens.volunteer(other.id()), id, "APPROVE", null), 403, "FORBIDDEN");

        assertEquals("PENDING", status(id));
        assertBalance(v, "hours.minutes", 0);
    }

    @Test
    void staff_of_another_street_cannot_find_the_claim_to_decide_it() {
        Api.Tree t = ruledTree();
        Api.Tree other = Api.tree();
        Api.Volunteer v = Api.volunteer(t.community());
        long id = claim(v, yesterday(9, 0), yesterday(10, 0));

        assertProblem(decide(staffOf(other.street()), id, "APPROVE", null), 404, "CLAIM_NOT_FOUND");
        assertProblem(decide(staffOf(other.street()), id, "REJECT", "looks wrong"), 404, "CLAIM_NOT_FOUND");

        assertEquals("PENDING", status(id));
    }

    @Test
    void an_unknown_claim_is_not_found() {
        Api.Tree t = ruledTree();

        assertProblem(decide(staffOf(t.street()), 999_999_999L, "APPROVE", null), 404, "CLAIM_NOT_FOUND");
    }

    @Test
    void staff_serving_a_district_decide_the_claims_of_its_communities() {
        Api.Tree t = ruledTree();
        Api.Volunteer v = Api.volunteer(t.community());
        long id = claim(v, yesterday(9, 0), yesterday(11, 0));

        approve(staffOf(t.district()), id);

        assertEquals("APPROVED", status(id));
        assertBalance(v, "hours.minutes", 120, "points.available", 2);
    }

    @Test
    void a_subject_that_only_looks_like_the_volunteers_id_is_refused_not_compared_as_text() {
        Api.Tree t = ruledTree();
        Api.Volunteer v = Api.volunteer(t.community());
        long id = claim(v, yesterday(9, 0), yesterday(11, 0));

        for (String lookalike : List.of(" " + v.id(), "0" + v.id(), "+" + v.id(), v.id() + " ", "00")) {
            String staff = Tokens.token(lookalike, java.util.Set.of("staff"), List.of(t.community()), null);
            assertProblem(decide(staff, id, "APPROVE", null), 401, "INVALID_TOKEN_SUBJECT");
            assertProblem(as(staff).get("/api/v1/hour-claims/" + id), 401, "INVALID_TOKEN_SUBJECT");
        }
        String volunteerWithZero = Tokens.token("0" + v.id(), java.util.Set.of("volunteer"), List.of(), null);
        assertProblem(as(volunteerWithZero).get("/api/v1/volunteers/" + v.id() + "/balance"), 401,
                "INVALID_TOKEN_SUBJECT");

        assertEquals("PENDING", status(id));
        assertBalance(v, "hours.minutes", 0);
        // the same person by their canonical id is still themself
        assertProblem(decide(staffWhoIs(v, t.community()), id, "APPROVE", null), 403, "OWN_CLAIM");
    }

    @Test
    void nobody_approves_or_rejects_their_own_hours() {
        Api.Tree t = ruledTree();
        Api.Volunteer v = Api.volunteer(t.community());
        long id = claim(v, yesterday(9, 0), yesterday(11, 0));
        String myselfAsStaff = staffWhoIs(v, t.community());

        assertProblem(decide(myselfAsStaff, id, "APPROVE", null), 403, "OWN_CLAIM");
        assertProblem(decide(myselfAsStaff, id, "REJECT", "changed my mind"), 403, "OWN_CLAIM");

        assertEquals("PENDING", status(id));
        assertBalance(v, "hours.minutes", 0);
        assertEquals(List.of(), historyKinds(v.id()));
    }

    @Test
    void staff_who_volunteer_may_decide_other_volunteers_claims() {
        Api.Tree t = ruledTree();
        Api.Volunteer me = Api.volunteer(t.community());
        Api.Volunteer v = Api.volunteer(t.community());
        long id = claim(v, yesterday(9, 0), yesterday(10, 0));

        approve(staffWhoIs(me, t.street()), id);

        assertEquals("APPROVED", status(id));
    }

    @Test
    void approving_posts_hours_and_points_and_records_who_decided() {
        Api.Tree t = ruledTree();
        Api.Volunteer v = Api.volunteer(t.community());
        long id = claim(v, yesterday(9, 0), yesterday(12, 0));
        String subject = Api.unique("staff");

        JsonPath decided = approve(Tokens.staff(subject, t.street()), id);

        assertEquals("APPROVED", decided.getString("status"));
        assertEquals(subject, decided.getString("decidedBy"));
        assertEquals(180, decided.getLong("creditedMinutes"));
        assertEquals(3, decided.getLong("points"));
        long tx = decided.getLong("transactionId");
        JsonPath journal = HourClaimFixtures.transaction(tx);
        assertEquals("APPROVAL", journal.getString("kind"));
        assertEquals("HOUR_CLAIM", journal.getString("sourceType"));
        assertEquals(Long.toString(id), journal.getString("sourceId"));
        assertEquals(subject, journal.getString("actor"));
        Map<Long, Long> postings = HourClaimFixtures.postings(tx);
        assertEquals(4, postings.size(), postings::toString);
        assertEquals(180L, postings.get(v.hoursAccount()));
        assertEquals(3L, postings.get(v.pointsAccount()));
        assertEquals(List.of("APPROVAL"), historyKinds(v.id()));
        assertBalance(v, "hours.minutes", 180, "points.available", 3);
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void rejecting_needs_a_reason() {
        Api.Tree t = ruledTree();
        Api.Volunteer v = Api.volunteer(t.community());
        long id = claim(v, yesterday(9, 0), yesterday(10, 0));
        String staff = staffOf(t.street());

        assertProblem(decide(staff, id, "REJECT", null), 400, "VALIDATION_FAILED")
                .body("errors[0].field", equalTo("reason"))
                .body("errors[0].code", equalTo("REASON_REQUIRED"));
        assertProblem(decide(staff, id, "REJECT", "   "), 400, "VALIDATION_FAILED");
        assertEquals("PENDING", status(id));

        decide(staff, id, "REJECT", " no sign-in sheet for this date ").then().statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("reason", equalTo("no sign-in sheet for this date"))
                .body("decidedBy", not(emptyOrNullString()))
                .body("transactionId", nullValue());
        assertBalance(v, "hours.minutes", 0);
    }

    @Test
    void a_decided_claim_cannot_be_decided_again() {
        Api.Tree t = ruledTree();
        Api.Volunteer v = Api.volunteer(t.community());
        long approved = claim(v, yesterday(9, 0), yesterday(10, 0));
        long rejected = claim(v, yesterday(10, 0), yesterday(11, 0));
        String staff = staffOf(t.street());
        approve(staff, approved);
        decide(staff, rejected, "REJECT", "duplicate").then().statusCode(200);

        assertProblem(decide(staff, approved, "APPROVE", null), 409, "CLAIM_ALREADY_DECIDED");
        assertProblem(decide(staffOf(t.street()), approved, "REJECT", "too late"), 409, "CLAIM_ALREADY_DECIDED");
        assertProblem(decide(staff, rejected, "APPROVE", null), 409, "CLAIM_ALREADY_DECIDED");

        assertEquals("APPROVED", status(approved));
        assertEquals("REJECTED", status(rejected));
        assertBalance(v, "hours.minutes", 60);
        assertEquals(List.of("APPROVAL"), historyKinds(v.id()));
    }

    @Test
    void a_retried_approval_with_the_same_idempotency_key_is_replayed_and_posts_once() {
        Api.Tree t = ruledTree();
        Api.Volunteer v = Api.volunteer(t.community());
        long id = claim(v, yesterday(9, 0), yesterday(10, 0));
        String staff = staffOf(t.street());
        String key = Api.key();

        Response first = as(staff).header("Idempotency-Key", key).body(Map.of("decision", "APPROVE"))
                .post("/api/v1/hour-claims/" + id + "/decision");
        Response retry = as(staff).header("Idempotency-Key", key).body(Map.of("decision", "APPROVE"))
                .post("/api/v1/hour-claims/" + id + "/decision");

        assertEquals(200, first.statusCode(), first::asString);
        assertEquals(200, retry.statusCode(), retry::asString);
        assertEquals("true", retry.header("Idempotency-Replayed"));
        assertEquals(first.jsonPath().getLong("transactionId"), retry.jsonPath().getLong("transactionId"));
        assertBalance(v, "hours.minutes", 60);
        assertEquals(List.of("APPROVAL"), historyKinds(v.id()));
    }

    // ---- two reviewers for long claims ----

    @Test
    void a_claim_of_exactly_480_minutes_is_approved_by_one_reviewer() {
        Api.Tree t = ruledTree();
        Api.Volunteer v = Api.volunteer(t.community());
        long id = claim(v, yesterday(8, 0), yesterday(16, 0));

        JsonPath decided = approve(staffOf(t.street()), id);

        assertEquals("APPROVED", decided.getString("status"));
        assertBalance(v, "hours.minutes", 480);
    }

    @Test
    void a_claim_over_480_minutes_waits_for_a_second_reviewer_and_posts_nothing_until_then() {
        Api.Tree t = ruledTree();
        Api.Volunteer v = Api.volunteer(t.community());
        long id = claim(v, yesterday(8, 0), yesterday(16, 1));
        String first = Api.unique("staff");
        String second = Api.unique("staff");

        decide(Tokens.staff(first, t.street()), id, "APPROVE", null).then().statusCode(200)
                .body("status", equalTo("AWAITING_SECOND_REVIEW"))
                .body("firstReviewer", equalTo(first))
                .body("firstReviewedAt", notNullValue())
                .body("decidedBy", nullValue())
                .body("transactionId", nullValue())
                .body("points", nullValue());
        assertBalance(v, "hours.minutes", 0, "points.available", 0);
        assertEquals(List.of(), historyKinds(v.id()));

        assertProblem(decide(Tokens.staff(first, t.community()), id, "APPROVE", null), 409,
                "SECOND_REVIEWER_REQUIRED");
        assertEquals("AWAITING_SECOND_REVIEW", status(id));
        assertBalance(v, "hours.minutes", 0);

        decide(Tokens.staff(second, t.street()), id, "APPROVE", null).then().statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("firstReviewer", equalTo(first))
                .body("decidedBy", equalTo(second))
                .body("transactionId", notNullValue())
                .body("points", equalTo(8));
        assertBalance(v, "hours.minutes", 481, "points.available", 8);
        assertEquals(List.of("APPROVAL"), historyKinds(v.id()));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void a_long_claim_may_be_rejected_by_its_first_reviewer() {
        Api.Tree t = ruledTree();
        Api.Volunteer v = Api.volunteer(t.community());
        long id = claim(v, yesterday(8, 0), yesterday(18, 0));

        decide(staffOf(t.street()), id, "REJECT", "ten hours without a break is not plausible").then()
                .statusCode(200).body("status", equalTo("REJECTED"));

        assertProblem(decide(staffOf(t.street()), id, "APPROVE", null), 409, "CLAIM_ALREADY_DECIDED");
        assertBalance(v, "hours.minutes", 0);
    }

    @Test
    void a_long_claim_may_be_rejected_at_its_second_review() {
        Api.Tree t = ruledTree();
        Api.Volunteer v = Api.volunteer(t.community());
        long id = claim(v, yesterday(8, 0), yesterday(18, 0));
        decide(staffOf(t.street()), id, "APPROVE", null).then().body("status", equalTo("AWAITING_SECOND_REVIEW"));

        decide(staffOf(t.street()), id, "REJECT", "the sign-in sheet shows four hours").then().statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("transactionId", nullValue());

        assertBalance(v, "hours.minutes", 0);
        assertEquals(List.of(), historyKinds(v.id()));
    }

    @Test
    void the_volunteer_cannot_be_the_second_reviewer_of_their_own_long_claim() {
        Api.Tree t = ruledTree();
        Api.Volunteer v = Api.volunteer(t.community());
        long id = claim(v, yesterday(8, 0), yesterday(18, 0));
        approve(staffOf(t.street()), id);

        assertProblem(decide(staffWhoIs(v, t.street()), id, "APPROVE", null), 403, "OWN_CLAIM");
        assertEquals("AWAITING_SECOND_REVIEW", status(id));
    }

    // ---- batches ----

    @Test
    void a_batch_reports_every_outcome_and_applies_the_good_decisions() {
        Api.Tree t = ruledTree();
        Api.Volunteer v = Api.volunteer(t.community());
        Api.Volunteer me = Api.volunteer(t.community());
        long good = claim(v, yesterday(9, 0), yesterday(10, 0));
        long noReason = claim(v, yesterday(10, 0), yesterday(11, 0));
        long decided = claim(v, yesterday(11, 0), yesterday(12, 0));
        long mine = claim(me, yesterday(9, 0), yesterday(10, 0));
        long rejected = claim(v, yesterday(12, 0), yesterday(13, 0));
        approve(staffOf(t.street()), decided);
        List<Map<String, Object>> decisions = List.of(
                item(good, "APPROVE", null),
                item(noReason, "REJECT", null),
                item(999_999_999L, "APPROVE", null),
                item(decided, "APPROVE", null),
                item(mine, "APPROVE", null),
                item(rejected, "REJECT", "no sign-in sheet"));

        JsonPath batch = as(staffWhoIs(me, t.street())).header("Accept-Language", "en")
                .body(Map.of("decisions", decisions)).post("/api/v1/hour-claims/decisions").then().statusCode(200)
                .extract().jsonPath();

        assertEquals(List.of(good, noReason, 999_999_999L, decided, mine, rejected),
                batch.getList("results.claimId", Long.class));
        assertEquals(List.of(200, 400, 404, 409, 403, 200), batch.getList("results.status", Integer.class));
        assertEquals(Arrays.asList(null, "VALIDATION_FAILED", "CLAIM_NOT_FOUND", "CLAIM_ALREADY_DECIDED",
                "OWN_CLAIM", null), batch.getList("results.code", String.class));
        assertEquals("APPROVED", batch.getString("results[0].claim.status"));
        assertEquals("REJECTED", batch.getString("results[5].claim.status"));
        for (int i = 1; i <= 4; i++) {
            assertNull(batch.get("results[" + i + "].claim"));
            String detail = batch.getString("results[" + i + "].detail");
            assertTrue(detail != null && !detail.isBlank(), "result " + i + " explains itself");
        }
        assertEquals("Hour claim 999999999 does not exist", batch.getString("results[2].detail"));
        assertEquals(2, batch.getInt("succeeded"));
        assertEquals(4, batch.getInt("failed"));

        assertEquals("APPROVED", status(good));
        assertEquals("PENDING", status(noReason));
        assertEquals("PENDING", status(mine));
        assertEquals("REJECTED", status(rejected));
        // the batch's approval and the earlier one
        assertBalance(v, "hours.minutes", 120);
        assertBalance(me, "hours.minutes", 0);
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void a_volunteer_cannot_send_a_batch() {
        Api.Tree t = ruledTree();
        Api.Volunteer v = Api.volunteer(t.community());
        long id = claim(v, yesterday(9, 0), yesterday(10, 0));

        assertProblem(as(Tokens.volunteer(v.id())).body(Map.of("decisions", List.of(item(id, "APPROVE", null))))
                .post("/api/v1/hour-claims/decisions"), 403, "FORBIDDEN");
        assertEquals("PENDING", status(id));
    }

    private static Map<String, Object> item(long claimId, String decision, String reason) {
        Map<String, Object> item = new HashMap<>();
        item.put("claimId", claimId);
        item.put("decision", decision);
        if (reason != null) {
            item.put("reason", reason);
        }
        return item;
    }

    // ---- concurrency ----

    @Test
    void eight_staff_approving_one_claim_at_once_approve_and_post_it_exactly_once() throws Exception {
        Api.Tree t = ruledTree();
        Api.Volunteer v = Api.volunteer(t.community());
        long id = claim(v, yesterday(9, 0), yesterday(12, 0));
        List<String> subjects = new ArrayList<>();
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String subject = Api.unique("staff");
            String token = Tokens.staff(subject, t.street());
            subjects.add(subject);
            calls.add(() -> decide(token, id, "APPROVE", null));
        }

        List<Response> responses = Parallel.run(8, calls);

        List<Integer> statuses = responses.stream().map(Response::statusCode).toList();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses::toString);
        assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses::toString);
        for (Response r : responses) {
            if (r.statusCode() == 409) {
                assertEquals("CLAIM_ALREADY_DECIDED", r.jsonPath().getString("code"));
            }
        }
        int winner = statuses.indexOf(200);
        JsonPath claim = read(id);
        assertEquals("APPROVED", claim.getString("status"));
        assertEquals(subjects.get(winner), claim.getString("decidedBy"));
        assertEquals(responses.get(winner).jsonPath().getLong("transactionId"), claim.getLong("transactionId"));
        assertEquals(List.of("APPROVAL"), historyKinds(v.id()));
        assertBalance(v, "hours.minutes", 180, "points.available", 3);
        LedgerChecks.assertLedgerSound(housekeeping);
    }
}
