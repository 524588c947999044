package org.timebank.hours;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.timebank.hours.HourClaimFixtures.approve;
import static org.timebank.hours.HourClaimFixtures.assertBalance;
import static org.timebank.hours.HourClaimFixtures.claim;
import static org.timebank.hours.HourClaimFixtures.decide;
import static org.timebank.hours.HourClaimFixtures.ids;
import static org.timebank.hours.HourClaimFixtures.period;
import static org.timebank.hours.HourClaimFixtures.putRules;
import static org.timebank.hours.HourClaimFixtures.rules;
import static org.timebank.hours.HourClaimFixtures.staffOf;
import static org.timebank.hours.HourClaimFixtures.submit;
import static org.timebank.hours.HourClaimFixtures.with;
import static org.timebank.hours.HourClaimFixtures.yesterday;
import static org.timebank.support.Api.as;
import static org.timebank.support.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.timebank.support.Api;
import org.timebank.support.Parallel;
import org.timebank.support.Tokens;

/** Submitting hour claims: the period rules, overlaps, who may claim for whom, and who sees which claims. */
@QuarkusTest
class HourClaimSubmissionTest {

    // ---- the period ----

    @Test
    void a_volunteers_claim_of_yesterday_is_recorded_pending_in_their_home_community() {
        Api.Tree t = Api.tree();
        putRules(t.city(), rules("DEFAULT", 1, "ELDERLY_VISIT", 2));
        Api.Volunteer v = Api.volunteer(t.community());
        Map<String, Object> body = period(yesterday(9, 0), yesterday(11, 30));
        body.put("category", "ELDERLY_VISIT");
        body.put("description", "  visited Mrs Li, 3rd floor ");

        JsonPath claim = submit(Tokens.volunteer(v.id()), body).then().statusCode(201)
                .header("Location", containsString("/api/v1/hour-claims/"))
                .body("status", equalTo("PENDING"))
                .body("minutes", equalTo(150))
                .body("volunteerId", equalTo((int) v.id()))
                .body("communityId", equalTo((int) t.community()))
                .body("category", equalTo("ELDERLY_VISIT"))
                .body("description", equalTo("visited Mrs Li, 3rd floor"))
                .body("submittedBy", equalTo(Long.toString(v.id())))
                .body("startsAt", equalTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(yesterday(9, 0))))
                .body("transactionId", nullValue())
                .extract().jsonPath();

        // a pending claim posts nothing
        assertBalance(v, "hours.minutes", 0);
        as(Tokens.volunteer(v.id())).get("/api/v1/hour-claims/" + claim.getLong("id")).then().statusCode(200)
                .body("status", equalTo("PENDING"));
    }

    @Test
    void a_claim_without_a_category_is_a_default_one() {
        Api.Volunteer v = Api.volunteer(Api.tree().community());

        submit(v, yesterday(9, 0), yesterday(10, 0)).then().statusCode(201).body("category", equalTo("DEFAULT"));
    }

    // ---- the category ----

    private static Map<String, Object> inCategory(String category, OffsetDateTime startsAt, OffsetDateTime endsAt) {
        Map<String, Object> body = period(startsAt, endsAt);
        body.put("category", category);
        return body;
    }

    @Test
    void a_category_the_rules_do_not_name_is_refused_rather_than_converted_at_DEFAULT() {
        Api.Tree t = Api.tree();
        putRules(t.city(), rules("DEFAULT", 1, "KITCHEN", 6));
        Api.Volunteer v = Api.volunteer(t.community());
        Map<String, Object> misspelt = inCategory("KITCHN", yesterday(9, 0), yesterday(10, 0));

        assertProblem(as(Tokens.volunteer(v.id())).header("Accept-Language", "en").body(misspelt)
                .post("/api/v1/hour-claims"), 422, "UNKNOWN_SERVICE_CATEGORY")
                .body("detail", equalTo("Service category \"KITCHN\" is not named by the community's conversion rules; "
                        + "use a category they name, or DEFAULT"))
                .body("errors[0].field", equalTo("category"))
                .body("errors[0].code", equalTo("UNKNOWN_SERVICE_CATEGORY"));
        misspelt.put("volunteerId", v.id());
        assertProblem(submit(staffOf(t.street()), misspelt), 422, "UNKNOWN_SERVICE_CATEGORY");

        assertEquals(List.of(), ids(as(Tokens.admin()).get("/api/v1/hour-claims?volunteerId=" + v.id())));
        submit(Tokens.volunteer(v.id()), inCategory("KITCHEN", yesterday(9, 0), yesterday(10, 0))).then()
                .statusCode(201);
    }

    @Test
    void DEFAULT_is_the_general_category_whether_or_not_the_rules_name_it() {
        Api.Tree t = Api.tree();
        Api.Volunteer v = Api.volunteer(t.community());
        assertProblem(submit(Tokens.volunteer(v.id()), inCategory("KITCHEN", yesterday(8, 0), yesterday(9, 0))),
                422, "UNKNOWN_SERVICE_CATEGORY");
        submit(Tokens.volunteer(v.id()), inCategory("DEFAULT", yesterday(9, 0), yesterday(10, 0))).then()
                .statusCode(201);

        putRules(t.city(), rules("KITCHEN", 6));

        submit(Tokens.volunteer(v.id()), inCategory("DEFAULT", yesterday(10, 0), yesterday(11, 0))).then()
                .statusCode(201).body("category", equalTo("DEFAULT"));
    }

    @Test
    void the_category_is_judged_by_the_rules_in_force_when_the_service_started() {
        Api.Tree t = Api.tree();
        putRules(t.city(), rules("DEFAULT", 1, "KITCHEN", 6));
        putRules(t.community(), with(rules("DEFAULT", 1, "GARDENING", 3), "effectiveFrom", yesterday(12, 0).toString()));
        Api.Volunteer v = Api.volunteer(t.community());
        String token = Tokens.volunteer(v.id());

        submit(token, inCategory("KITCHEN", yesterday(9, 0), yesterday(10, 0))).then().statusCode(201);
        assertProblem(submit(token, inCategory("GARDENING", yesterday(10, 0), yesterday(11, 0))),
                422, "UNKNOWN_SERVICE_CATEGORY");
        submit(token, inCategory("GARDENING", yesterday(13, 0), yesterday(14, 0))).then().statusCode(201);
        assertProblem(submit(token, inCategory("KITCHEN", yesterday(14, 0), yesterday(15, 0))),
                422, "UNKNOWN_SERVICE_CATEGORY");
    }

    @Test
    void an_end_equal_to_the_start_is_refused() {
        Api.Volunteer v = Api.volunteer(Api.tree().community());

        assertProblem(submit(v, yesterday(9, 0), yesterday(9, 0)), 422, "CLAIM_END_NOT_AFTER_START")
                .body("errors[0].field", equalTo("endsAt"));
        assertProblem(submit(v, yesterday(10, 0), yesterday(9, 0)), 422, "CLAIM_END_NOT_AFTER_START");
    }

    @Test
    void service_ending_in_the_future_is_refused() {
        Api.Volunteer v = Api.volunteer(Api.tree().community());
        OffsetDateTime now = OffsetDateTime.now(HourClaimFixtures.SHANGHAI);

        assertProblem(submit(v, now.minusMinutes(30), now.plusHours(1)), 422, "CLAIM_IN_FUTURE");
        assertProblem(submit(v, now.plusHours(1), now.plusHours(2)), 422, "CLAIM_IN_FUTURE");
    }

    @Test
    void an_end_a_little_ahead_of_the_servers_clock_is_within_the_skew_and_accepted() {
        Api.Volunteer v = Api.volunteer(Api.tree().community());
        OffsetDateTime now = OffsetDateTime.now(HourClaimFixtures.SHANGHAI).withNano(0);

        submit(v, now.minusMinutes(60), now.plusMinutes(2)).then().statusCode(201).body("minutes", equalTo(62));
    }

    @Test
    void service_of_less_than_a_minute_is_too_short() {
        Api.Volunteer v = Api.volunteer(Api.tree().community());

        assertProblem(submit(v, yesterday(9, 0), yesterday(9, 0).plusSeconds(30)), 422, "CLAIM_TOO_SHORT");
    }

    @Test
    void a_claim_of_720_minutes_is_accepted_and_one_of_721_is_too_long() {
        Api.Volunteer v = Api.volunteer(Api.tree().community());

        assertProblem(as(Tokens.volunteer(v.id())).header("Accept-Language", "en")
                .body(period(yesterday(8, 0), yesterday(8, 0).plusMinutes(721))).post("/api/v1/hour-claims"),
                422, "CLAIM_TOO_LONG")
                .body("detail", containsString("720"))
                .body("errors[0].field", equalTo("endsAt"));
        submit(v, yesterday(8, 0), yesterday(8, 0).plusMinutes(720)).then().statusCode(201)
                .body("minutes", equalTo(720));
    }

    @Test
    void service_more_than_90_days_ago_is_too_old() {
        Api.Volunteer v = Api.volunteer(Api.tree().community());
        OffsetDateTime start = OffsetDateTime.now(HourClaimFixtures.SHANGHAI).minusDays(91);

        assertProblem(submit(v, start, start.plusHours(2)), 422, "CLAIM_TOO_OLD")
                .body("errors[0].field", equalTo("startsAt"));
    }

    @Test
    void a_claim_without_its_times_is_a_validation_failure() {
        Api.Volunteer v = Api.volunteer(Api.tree().community());

        assertProblem(submit(Tokens.volunteer(v.id()), Map.of("endsAt", yesterday(10, 0).toString())), 400,
                "VALIDATION_FAILED").body("errors[0].field", equalTo("startsAt"));
    }

    @Test
    void a_claim_must_name_an_existing_volunteer_and_community() {
        Api.Tree t = Api.tree();
        Api.Volunteer v = Api.volunteer(t.community());
        String staff = staffOf(t.street());

        Map<String, Object> nobody = period(yesterday(9, 0), yesterday(10, 0));
        nobody.put("volunteerId", 999_999_999L);
        assertProblem(submit(staff, nobody), 422, "VOLUNTEER_NOT_FOUND");

        Map<String, Object> nowhere = period(yesterday(9, 0), yesterday(10, 0));
        nowhere.put("communityId", 999_999_999L);
        assertProblem(submit(Tokens.volunteer(v.id()), nowhere), 422, "REGION_NOT_FOUND");

        Map<String, Object> street = period(yesterday(9, 0), yesterday(10, 0));
        street.put("communityId", t.street());
        assertProblem(submit(Tokens.volunteer(v.id()), street), 422, "NOT_A_COMMUNITY");
    }

    // ---- overlaps, and so no day of more than 24 hours ----

    @Test
    void a_period_overlapping_a_pending_claim_is_refused() {
        Api.Volunteer v = Api.volunteer(Api.tree().community());
        claim(v, yesterday(9, 0), yesterday(10, 0));

        assertProblem(submit(v, yesterday(9, 30), yesterday(10, 30)), 409, "CLAIM_OVERLAPS");
        assertProblem(submit(v, yesterday(8, 30), yesterday(9, 1)), 409, "CLAIM_OVERLAPS");
        assertProblem(submit(v, yesterday(9, 0), yesterday(10, 0)), 409, "CLAIM_OVERLAPS");
        assertProblem(submit(v, yesterday(8, 0), yesterday(12, 0)), 409, "CLAIM_OVERLAPS");
        assertProblem(submit(v, yesterday(9, 15), yesterday(9, 45)), 409, "CLAIM_OVERLAPS");
    }

    @Test
    void back_to_back_periods_do_not_overlap() {
        Api.Volunteer v = Api.volunteer(Api.tree().community());
        claim(v, yesterday(9, 0), yesterday(10, 0));

        submit(v, yesterday(10, 0), yesterday(11, 0)).then().statusCode(201);
        submit(v, yesterday(8, 0), yesterday(9, 0)).then().statusCode(201);
    }

    @Test
    void the_same_period_may_be_claimed_by_two_volunteers() {
        Api.Tree t = Api.tree();
        Api.Volunteer a = Api.volunteer(t.community());
        Api.Volunteer b = Api.volunteer(t.community());
        claim(a, yesterday(9, 0), yesterday(10, 0));

        submit(b, yesterday(9, 0), yesterday(10, 0)).then().statusCode(201);
    }

    @Test
    void a_period_overlapping_an_approved_claim_is_refused() {
        Api.Tree t = Api.tree();
        putRules(t.city(), rules("DEFAULT", 1));
        Api.Volunteer v = Api.volunteer(t.community());
        long approved = claim(v, yesterday(9, 0), yesterday(10, 0));
        approve(staffOf(t.street()), approved);

        assertProblem(submit(v, yesterday(9, 30), yesterday(10, 30)), 409, "CLAIM_OVERLAPS");
    }

    @Test
    void a_period_overlapping_a_claim_awaiting_its_second_review_is_refused() {
        Api.Tree t = Api.tree();
        Api.Volunteer v = Api.volunteer(t.community());
        long awaiting = claim(v, yesterday(8, 0), yesterday(17, 0));
        approve(staffOf(t.street()), awaiting);

        assertProblem(submit(v, yesterday(16, 0), yesterday(18, 0)), 409, "CLAIM_OVERLAPS");
    }

    @Test
    void a_rejected_claims_period_may_be_claimed_again() {
        Api.Tree t = Api.tree();
        Api.Volunteer v = Api.volunteer(t.community());
        long rejected = claim(v, yesterday(9, 0), yesterday(10, 0));
        decide(staffOf(t.street()), rejected, "REJECT", "wrong date").then().statusCode(200);

        submit(v, yesterday(9, 0), yesterday(10, 0)).then().statusCode(201);
        submit(v, yesterday(9, 30), yesterday(10, 30)).then().statusCode(409);
    }

    @Test
    void no_calendar_day_in_shanghai_holds_more_than_24_hours_of_claims() {
        Api.Volunteer v = Api.volunteer(Api.tree().community());
        // two claims of the longest length fill yesterday, midnight to midnight in Shanghai
        claim(v, yesterday(0, 0), yesterday(12, 0));
        claim(v, yesterday(12, 0), yesterday(24, 0));

        // anything more on that day would make it longer than 24 hours, and so overlaps
        assertProblem(submit(v, yesterday(8, 0), yesterday(8, 1)), 409, "CLAIM_OVERLAPS");
        assertProblem(submit(v, yesterday(23, 59), yesterday(24, 0)), 409, "CLAIM_OVERLAPS");
        assertProblem(submit(v, yesterday(-1, 0), yesterday(0, 1)), 409, "CLAIM_OVERLAPS");
        // the day before still has room, up to yesterday's midnight
        submit(v, yesterday(-2, 0), yesterday(0, 0)).then().statusCode(201);

        List<Integer> minutes = as(Tokens.volunteer(v.id())).get("/api/v1/hour-claims").then().statusCode(200)
                .extract().jsonPath().getList("items.minutes", Integer.class);
        assertEquals(List.of(120, 720, 720), minutes.stream().sorted().toList());
    }

    @Test
    void of_simultaneous_claims_for_one_period_exactly_one_is_recorded() throws Exception {
        Api.Volunteer v = Api.volunteer(Api.tree().community());
        String token = Tokens.volunteer(v.id());
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int minute = i;
            calls.add(() -> submit(token, period(yesterday(9, minute), yesterday(10, minute))).statusCode());
        }

        List<Integer> statuses = Parallel.run(6, calls);

        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses::toString);
        assertEquals(5, statuses.stream().filter(s -> s == 409).count(), statuses::toString);
        assertEquals(1, ids(as(token).get("/api/v1/hour-claims")).size());
    }

    // ---- who may claim for whom ----

    @Test
    void a_volunteer_cannot_claim_for_another_volunteer() {
        Api.Tree t = Api.tree();
        Api.Volunteer me = Api.volunteer(t.community());
        Api.Volunteer other = Api.volunteer(t.community());
        Map<String, Object> body = period(yesterday(9, 0), yesterday(10, 0));
        body.put("volunteerId", other.id());

        assertProblem(submit(Tokens.volunteer(me.id()), body), 403, "FORBIDDEN");

        assertEquals(List.of(), ids(as(Tokens.volunteer(other.id())).get("/api/v1/hour-claims")));
    }

    @Test
    void a_volunteer_naming_themself_claims_for_themself() {
        Api.Volunteer me = Api.volunteer(Api.tree().community());
        Map<String, Object> body = period(yesterday(9, 0), yesterday(10, 0));
        body.put("volunteerId", me.id());

        submit(Tokens.volunteer(me.id()), body).then().statusCode(201).body("volunteerId", equalTo((int) me.id()));
    }

    @Test
    void staff_record_a_claim_on_a_volunteers_behalf_in_the_communities_they_serve() {
        Api.Tree t = Api.tree();
        Api.Volunteer v = Api.volunteer(t.community());
        String subject = Api.unique("staff");
        Map<String, Object> body = period(yesterday(9, 0), yesterday(10, 0));
        body.put("volunteerId", v.id());

        submit(Tokens.staff(subject, t.street()), body).then().statusCode(201)
                .body("volunteerId", equalTo((int) v.id()))
                .body("communityId", equalTo((int) t.community()))
                .body("submittedBy", equalTo(subject))
                .body("status", equalTo("PENDING"));
    }

    @Test
    void staff_cannot_record_a_claim_outside_the_regions_they_serve() {
        Api.Tree t = Api.tree();
        Api.Tree elsewhere = Api.tree();
        Api.Volunteer v = Api.volunteer(t.community());
        Map<String, Object> body = period(yesterday(9, 0), yesterday(10, 0));
        body.put("volunteerId", v.id());

        assertProblem(submit(staffOf(elsewhere.street()), body), 403, "NOT_IN_SCOPE");
        assertEquals(List.of(), ids(as(Tokens.volunteer(v.id())).get("/api/v1/hour-claims")));
    }

    @Test
    void staff_may_record_service_a_volunteer_did_in_their_community_though_the_volunteer_lives_elsewhere() {
        Api.Tree home = Api.tree();
        Api.Tree served = Api.tree();
        Api.Volunteer v = Api.volunteer(home.community());
        Map<String, Object> body = period(yesterday(9, 0), yesterday(10, 0));
        body.put("volunteerId", v.id());
        body.put("communityId", served.community());

        submit(staffOf(served.street()), body).then().statusCode(201)
                .body("communityId", equalTo((int) served.community()));
    }

    @Test
    void staff_must_name_the_volunteer_they_claim_for() {
        Api.Tree t = Api.tree();

        assertProblem(submit(staffOf(t.street()), period(yesterday(9, 0), yesterday(10, 0))), 400,
                "VALIDATION_FAILED");
    }

    @Test
    void a_shop_cannot_claim_hours() {
        Api.Volunteer v = Api.volunteer(Api.tree().community());
        Map<String, Object> body = period(yesterday(9, 0), yesterday(10, 0));
        body.put("volunteerId", v.id());

        assertProblem(submit(Tokens.shop("1"), body), 403, "FORBIDDEN");
    }

    // ---- who sees which claims ----

    /** Volunteers a and b of one street (b served in a second community of it), c in another city. */
    private record Listing(Api.Tree t, Api.Tree other, long secondCommunity, Api.Volunteer a, Api.Volunteer b, Api.Volunteer c,
                           long a1, long a2, long b1, long c1) {}

    private static Listing listing() {
        Api.Tree t = Api.tree();
        Api.Tree other = Api.tree();
        long second = Api.region(Api.unique("社区"), "COMMUNITY", t.street());
        Api.Volunteer a = Api.volunteer(t.community());
        Api.Volunteer b = Api.volunteer(t.community());
        Api.Volunteer c = Api.volunteer(other.community());
        long a1 = claim(a, yesterday(9, 0), yesterday(10, 0));
        long a2 = claim(a, yesterday(10, 0), yesterday(11, 0));
        Map<String, Object> there = period(yesterday(9, 0), yesterday(10, 0));
        there.put("communityId", second);
        long b1 = submit(Tokens.volunteer(b.id()), there).then().statusCode(201).extract().jsonPath().getLong("id");
        long c1 = claim(c, yesterday(9, 0), yesterday(10, 0));
        return new Listing(t, other, second, a, b, c, a1, a2, b1, c1);
    }

    @Test
    void a_volunteer_lists_only_their_own_claims_newest_first() {
        Listing l = listing();

        assertEquals(List.of(l.a2(), l.a1()), ids(as(Tokens.volunteer(l.a().id())).get("/api/v1/hour-claims")));
        assertEquals(List.of(l.b1()), ids(as(Tokens.volunteer(l.b().id())).get("/api/v1/hour-claims")));
    }

    @Test
    void a_volunteer_cannot_list_or_read_another_volunteers_claims() {
        Listing l = listing();
        String a = Tokens.volunteer(l.a().id());

        assertProblem(as(a).get("/api/v1/hour-claims?volunteerId=" + l.b().id()), 403, "FORBIDDEN");
        assertProblem(as(a).get("/api/v1/hour-claims/" + l.b1()), 404, "CLAIM_NOT_FOUND");
    }

    @Test
    void staff_list_and_read_only_the_claims_of_the_regions_they_serve() {
        Listing l = listing();

        assertEquals(List.of(l.b1(), l.a2(), l.a1()),
                ids(as(staffOf(l.t().street())).get("/api/v1/hour-claims")));
        assertEquals(List.of(l.a2(), l.a1()), ids(as(staffOf(l.t().community())).get("/api/v1/hour-claims")),
                "a community's staff do not see the neighbouring community");
        as(staffOf(l.t().street())).get("/api/v1/hour-claims/" + l.b1()).then().statusCode(200);
        assertProblem(as(staffOf(l.t().community())).get("/api/v1/hour-claims/" + l.b1()), 404, "CLAIM_NOT_FOUND");
        assertProblem(as(staffOf(l.t().street())).get("/api/v1/hour-claims/" + l.c1()), 404, "CLAIM_NOT_FOUND");
    }

    @Test
    void claims_are_filtered_by_region_status_and_volunteer() {
        Listing l = listing();
        String staff = staffOf(l.t().district());
        decide(staff, l.a1(), "REJECT", "no sign-in sheet").then().statusCode(200);

        assertEquals(List.of(l.b1()), ids(as(staff).get("/api/v1/hour-claims?regionId=" + l.secondCommunity())));
        assertEquals(List.of(l.a2(), l.a1()), ids(as(staff).get("/api/v1/hour-claims?regionId=" + l.t().community())));
        assertEquals(List.of(l.b1(), l.a2()), ids(as(staff).get("/api/v1/hour-claims?status=PENDING")));
        assertEquals(List.of(l.a1()), ids(as(staff).get("/api/v1/hour-claims?status=REJECTED")));
        assertEquals(List.of(l.b1()), ids(as(staff).get("/api/v1/hour-claims?volunteerId=" + l.b().id())));
        assertEquals(List.of(l.a2()),
                ids(as(staff).get("/api/v1/hour-claims?status=PENDING&volunteerId=" + l.a().id())));
        assertEquals(List.of(), ids(as(staff).get("/api/v1/hour-claims?volunteerId=" + l.c().id())),
                "a filter never widens the staff's scope");
        assertEquals(List.of(l.c1()),
                ids(as(Tokens.admin()).get("/api/v1/hour-claims?regionId=" + l.other().city())));
        assertProblem(as(staff).get("/api/v1/hour-claims?status=LOST"), 400, "INVALID_PARAMETER");
    }

    @Test
    void claims_are_filtered_by_when_the_service_started() {
        Listing l = listing();
        long earlier = claim(l.a(), yesterday(-24 + 9, 0), yesterday(-24 + 10, 0));
        String staff = staffOf(l.t().community());
        String day = yesterday(0, 0).toString();
        String nextDay = yesterday(24, 0).toString();

        assertEquals(List.of(l.a2(), l.a1()),
                ids(as(staff).queryParam("from", day).queryParam("to", nextDay).get("/api/v1/hour-claims")),
                "the day before yesterday is not yesterday");
        assertEquals(List.of(earlier), ids(as(staff).queryParam("to", day).get("/api/v1/hour-claims")));
        assertEquals(List.of(l.a2()),
                ids(as(staff).queryParam("from", yesterday(10, 0).toString()).get("/api/v1/hour-claims")),
                "from is inclusive");
        assertEquals(List.of(l.a1()),
                ids(as(staff).queryParam("from", day).queryParam("to", yesterday(10, 0).toString())
                        .get("/api/v1/hour-claims")), "to is exclusive");
        assertProblem(as(staff).queryParam("from", "2026-11-01").get("/api/v1/hour-claims"), 400, "INVALID_PARAMETER");
        assertProblem(as(staff).queryParam("from", nextDay).queryParam("to", day).get("/api/v1/hour-claims"), 400,
                "INVALID_PARAMETER");
    }

    @Test
    void claims_are_listed_in_pages() {
        Listing l = listing();
        String staff = staffOf(l.t().street());

        JsonPath first = as(staff).get("/api/v1/hour-claims?limit=2").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(l.b1(), l.a2()), first.getList("items.id", Long.class));
        String cursor = first.getString("nextCursor");
        assertNotNull(cursor);

        JsonPath second = as(staff).get("/api/v1/hour-claims?limit=2&cursor=" + cursor).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(l.a1()), second.getList("items.id", Long.class));
        assertNull(second.getString("nextCursor"));
    }
}
