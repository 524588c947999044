package org.timebank.hours;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.timebank.hours.HourClaimFixtures.approve;
import static org.timebank.hours.HourClaimFixtures.assertBalance;
import static org.timebank.hours.HourClaimFixtures.claim;
import static org.timebank.hours.HourClaimFixtures.decide;
import static org.timebank.hours.HourClaimFixtures.historyKinds;
import static org.timebank.hours.HourClaimFixtures.period;
import static org.timebank.hours.HourClaimFixtures.postingTo;
import static org.timebank.hours.HourClaimFixtures.postings;
import static org.timebank.hours.HourClaimFixtures.putRules;
import static org.timebank.hours.HourClaimFixtures.read;
import static org.timebank.hours.HourClaimFixtures.rules;
import static org.timebank.hours.HourClaimFixtures.staffOf;
import static org.timebank.hours.HourClaimFixtures.status;
import static org.timebank.hours.HourClaimFixtures.submit;
import static org.timebank.hours.HourClaimFixtures.transaction;
import static org.timebank.hours.HourClaimFixtures.with;
import static org.timebank.hours.HourClaimFixtures.yesterday;
import static org.timebank.support.Api.as;
import static org.timebank.support.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.timebank.ledger.LedgerHousekeeping;
import org.timebank.support.Api;
import org.timebank.support.LedgerChecks;
import org.timebank.support.Tokens;

/** How approved minutes become points: which rules apply, budgets that pay for them, caps on stored hours. */
@QuarkusTest
class HourClaimConversionTest {
    @Inject
    LedgerHousekeeping housekeeping;

    private static long claimIn(Api.Volunteer v, String category, int fromHour, int fromMinute, int minutes) {
        Map<String, Object> body = period(yesterday(fromHour, fromMinute), yesterday(fromHour, fromMinute + minutes));
        body.put("category", category);
        return submit(Tokens.volunteer(v.id()), body).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    // ---- which rules ----

    @Test
    void a_community_without_rules_of_its_own_converts_under_its_citys_rules() {
        Api.Tree t = Api.tree();
        int city = putRules(t.city(), rules("DEFAULT", 1, "KITCHEN", 6));
        Api.Volunteer v = Api.volunteer(t.community());
        long kitchen = claimIn(v, "KITCHEN", 9, 0, 150);
        long general = claimIn(v, "DEFAULT", 12, 0, 180);

        JsonPath k = approve(staffOf(t.street()), kitchen);
        JsonPath e = approve(staffOf(t.street()), general);

        assertEquals(15, k.getLong("points"), "2.5 h of kitchen help at 6 points an hour");
        assertEquals(3, e.getLong("points"), "3 h of general service at the default 1");
        assertEquals(city, k.getInt("ruleVersion"));
        assertEquals(city, e.getInt("ruleVersion"));
        as(Tokens.volunteer(v.id())).get("/api/v1/regions/" + t.community() + "/conversion-rules").then()
                .statusCode(200)
                .body("inheritedFrom", equalTo((int) t.city()))
                .body("inForce.id", equalTo(city))
                .body("versions.size()", equalTo(0));
        assertBalance(v, "hours.minutes", 330, "points.available", 18);
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void the_nearest_region_with_rules_of_its_own_decides_the_conversion() {
        Api.Tree t = Api.tree();
        long sibling = Api.region(Api.unique("社区"), "COMMUNITY", t.street());
        long cousinStreet = Api.region(Api.unique("街道"), "STREET", t.district());
        long cousin = Api.region(Api.unique("社区"), "COMMUNITY", cousinStreet);
        putRules(t.city(), rules("DEFAULT", 1));
        int street = putRules(t.street(), rules("DEFAULT", 2));
        int own = putRules(t.community(), rules("DEFAULT", 3));
        Api.Volunteer inOwn = Api.volunteer(t.community());
        Api.Volunteer inSibling = Api.volunteer(sibling);
        Api.Volunteer inCousin = Api.volunteer(cousin);
        String staff = staffOf(t.district());

        JsonPath a = approve(staff, claim(inOwn, yesterday(9, 0), yesterday(11, 0)));
        JsonPath b = approve(staff, claim(inSibling, yesterday(9, 0), yesterday(11, 0)));
        JsonPath c = approve(staff, claim(inCousin, yesterday(9, 0), yesterday(11, 0)));

        assertEquals(List.of(6L, 4L, 2L), List.of(a.getLong("points"), b.getLong("points"), c.getLong("points")));
        assertEquals(own, a.getInt("ruleVersion"));
        assertEquals(street, b.getInt("ruleVersion"));
        assertNotEquals(own, c.getInt("ruleVersion"));
        as(Tokens.admin()).get("/api/v1/regions/" + t.community() + "/conversion-rules").then().statusCode(200)
                .body("inheritedFrom", equalTo((int) t.community()));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void a_new_version_applies_only_to_service_that_starts_after_it_takes_effect() {
        Api.Tree t = Api.tree();
        int v1 = putRules(t.city(), rules("DEFAULT", 1));
        int v2 = putRules(t.city(), with(rules("DEFAULT", 4), "effectiveFrom", yesterday(12, 0).toString()));
        Api.Volunteer v = Api.volunteer(t.community());
        long morning = claim(v, yesterday(9, 0), yesterday(11, 0));
        long acrossNoon = claim(v, yesterday(11, 30), yesterday(12, 30));
        long afternoon = claim(v, yesterday(13, 0), yesterday(15, 0));
        String staff = staffOf(t.street());

        JsonPath m = approve(staff, morning);
        JsonPath n = approve(staff, acrossNoon);
        JsonPath a = approve(staff, afternoon);

        assertEquals(2, m.getLong("points"));
        assertEquals(1, n.getLong("points"), "service that started before noon keeps the rules then in force");
        assertEquals(8, a.getLong("points"));
        assertEquals(v1, m.getInt("ruleVersion"));
        assertEquals(v1, n.getInt("ruleVersion"));
        assertEquals(v2, a.getInt("ruleVersion"));
        JsonPath journal = transaction(a.getLong("transactionId"));
        assertEquals("APPROVAL", journal.getString("kind"));
        assertEquals(v2, journal.getInt("ruleVersion"));
        assertEquals(v1, transaction(m.getLong("transactionId")).getInt("ruleVersion"));
        assertEquals(v1, transaction(n.getLong("transactionId")).getInt("ruleVersion"));
        as(Tokens.admin()).get("/api/v1/regions/" + t.city() + "/conversion-rules").then().statusCode(200)
                .body("inForce.id", equalTo(v2))
                .body("versions.version", equalTo(List.of(2, 1)));
        assertBalance(v, "points.available", 11);
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void service_before_the_first_rules_took_effect_has_no_conversion_rule() {
        Api.Tree t = Api.tree();
        putRules(t.city(), with(rules("DEFAULT", 1), "effectiveFrom", yesterday(12, 0).toString()));
        Api.Volunteer v = Api.volunteer(t.community());
        long before = claim(v, yesterday(9, 0), yesterday(10, 0));

        assertProblem(decide(staffOf(t.street()), before, "APPROVE", null), 422, "NO_CONVERSION_RULE");

        assertEquals("PENDING", status(before));
    }

    @Test
    void without_any_rule_an_approval_is_refused_and_nothing_is_posted() {
        Api.Tree t = Api.tree();
        Api.Volunteer v = Api.volunteer(t.community());
        long id = claim(v, yesterday(9, 0), yesterday(10, 0));

        assertProblem(decide(staffOf(t.street()), id, "APPROVE", null), 422, "NO_CONVERSION_RULE");

        assertEquals("PENDING", status(id));
        assertBalance(v, "hours.minutes", 0);
        assertEquals(List.of(), historyKinds(v.id()));
    }

    @Test
    void general_service_where_the_rules_have_no_default_rate_has_no_conversion_rule() {
        Api.Tree t = Api.tree();
        putRules(t.city(), rules("KITCHEN", 6));
        Api.Volunteer v = Api.volunteer(t.community());
        long general = claimIn(v, "DEFAULT", 9, 0, 60);
        long kitchen = claimIn(v, "KITCHEN", 10, 0, 60);

        assertProblem(as(Tokens.staff(Api.unique("staff"), t.street())).header("Accept-Language", "en")
                .body(Map.of("decision", "APPROVE")).post("/api/v1/hour-claims/" + general + "/decision"),
                422, "NO_CONVERSION_RULE").body("detail", equalTo(
                        "No conversion rule applies to service category \"DEFAULT\""));
        approve(staffOf(t.street()), kitchen);

        assertEquals("PENDING", status(general));
        assertBalance(v, "points.available", 6);
    }

    @Test
    void quarter_hours_and_rounding_half_up_decide_what_is_credited() {
        Api.Tree t = Api.tree();
        putRules(t.city(), with(with(rules("DEFAULT", 6), "granularityMinutes", 15), "rounding", "HALF_UP"));
        Api.Volunteer v = Api.volunteer(t.community());
        long id = claim(v, yesterday(9, 0), yesterday(9, 50));

        JsonPath approved = approve(staffOf(t.street()), id);

        assertEquals(50, approved.getInt("minutes"));
        assertEquals(45, approved.getLong("creditedMinutes"), "50 minutes count as three quarter hours");
        assertEquals(5, approved.getLong("points"), "45 minutes at 6 an hour are 4.5 points, rounded half up");
        assertEquals(45L, postings(approved.getLong("transactionId")).get(v.hoursAccount()));
        assertBalance(v, "hours.minutes", 45, "points.available", 5);
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void a_claim_shorter_than_one_counting_unit_cannot_be_approved() {
        Api.Tree t = Api.tree();
        putRules(t.city(), with(rules("DEFAULT", 6), "granularityMinutes", 15));
        Api.Volunteer v = Api.volunteer(t.community());
        long id = claim(v, yesterday(9, 0), yesterday(9, 10));

        assertProblem(decide(staffOf(t.street()), id, "APPROVE", null), 422, "CLAIM_BELOW_GRANULARITY");

        assertEquals("PENDING", status(id));
        assertEquals(List.of(), historyKinds(v.id()));
    }

    // ---- versions dated back ----

    private static OffsetDateTime daysAgo(int days, int hour) {
        return yesterday(hour, 0).minusDays(days - 1);
    }

    private static Response putRulesAs(Map<String, Object> body, long regionId) {
        return as(Tokens.admin()).header("Accept-Language", "en").body(body)
                .put("/api/v1/regions/" + regionId + "/conversion-rules");
    }

    @Test
    void a_version_dated_before_the_regions_current_one_is_refused_as_backdated() {
        Api.Tree t = Api.tree();
        OffsetDateTime tenDaysAgo = daysAgo(10, 0);
        int current = putRules(t.city(), with(rules("DEFAULT", 1), "effectiveFrom", tenDaysAgo.toString()));

        assertProblem(putRulesAs(with(rules("DEFAULT", 5), "effectiveFrom", daysAgo(20, 0).toString()), t.city()),
                422, "CONVERSION_RULE_BACKDATED")
                .body("detail", equalTo("The new version would take effect before the current one, in force from "
                        + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(tenDaysAgo) + "; to date it back (it then applies only to claims not yet approved), set "
                        + "backdated to true"));

        as(Tokens.admin()).get("/api/v1/regions/" + t.city() + "/conversion-rules").then().statusCode(200)
                .body("versions.id", contains(current));
        // a version dated at or after the current one's needs no flag
        putRules(t.city(), with(rules("DEFAULT", 2), "effectiveFrom", tenDaysAgo.toString()));
    }

    @Test
    void a_communitys_first_version_dated_before_the_rules_it_inherits_is_backdated_too() {
        Api.Tree t = Api.tree();
        putRules(t.city(), with(rules("DEFAULT", 1), "effectiveFrom", daysAgo(10, 0).toString()));

        assertProblem(putRulesAs(with(rules("DEFAULT", 5), "effectiveFrom", daysAgo(20, 0).toString()), t.community()),
                422, "CONVERSION_RULE_BACKDATED");

        as(Tokens.admin()).get("/api/v1/regions/" + t.community() + "/conversion-rules").then().statusCode(200)
                .body("inheritedFrom", equalTo((int) t.city())).body("versions.size()", equalTo(0));
    }

    @Test
    void an_explicitly_backdated_version_converts_pending_claims_of_its_period_and_approved_ones_keep_theirs() {
        Api.Tree t = Api.tree();
        int v1 = putRules(t.city(), with(rules("DEFAULT", 1), "effectiveFrom", daysAgo(60, 0).toString()));
        int v2 = putRules(t.city(), with(rules("DEFAULT", 2), "effectiveFrom", daysAgo(10, 0).toString()));
        Api.Volunteer v = Api.volunteer(t.community());
        long approvedBefore = claim(v, daysAgo(40, 9), daysAgo(40, 11));
        long pendingThen = claim(v, daysAgo(40, 13), daysAgo(40, 15));
        long pendingRecent = claim(v, yesterday(9, 0), yesterday(11, 0));
        String staff = staffOf(t.street());
        JsonPath approved = approve(staff, approvedBefore);
        assertEquals(List.of(v1, 2L), List.of(approved.getInt("ruleVersion"), approved.getLong("points")));

        int v3 = putRulesAs(with(with(rules("DEFAULT", 5), "effectiveFrom", daysAgo(50, 0).toString()),
                "backdated", true), t.city()).then().statusCode(200).extract().jsonPath().getInt("id");

        JsonPath then = approve(staff, pendingThen);
        JsonPath recent = approve(staff, pendingRecent);
        assertEquals(List.of(v3, 10L), List.of(then.getInt("ruleVersion"), then.getLong("points")),
                "a pending claim of the period the new version covers is converted under it");
        assertEquals(List.of(v2, 4L), List.of(recent.getInt("ruleVersion"), recent.getLong("points")),
                "the version current from ten days ago still governs what followed it");
        JsonPath kept = read(approvedBefore);
        assertEquals(List.of(v1, 2L), List.of(kept.getInt("ruleVersion"), kept.getLong("points")));
        assertEquals(v1, transaction(kept.getLong("transactionId")).getInt("ruleVersion"));
        assertBalance(v, "points.available", 16);
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    // ---- budgets ----

    private static Response fund(long community, long points, String key) {
        var request = as(Tokens.admin()).body(Map.of("points", points, "memo", "allocation of the community fund"));
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/regions/" + community + "/budget-fundings");
    }

    private static JsonPath budget(long community) {
        return as(Tokens.admin()).get("/api/v1/regions/" + community + "/budget").then().statusCode(200)
                .extract().jsonPath();
    }

    private static void assertBudget(long community, long funded, long spent, long available) {
        JsonPath b = budget(community);
        assertEquals(List.of(true, funded, spent, available), List.of(b.getBoolean("budgeted"), b.getLong("funded"),
                b.getLong("spent"), b.getLong("available")), b::prettify);
    }

    @Test
    void approvals_draw_on_the_community_budget_and_the_one_it_cannot_pay_is_refused() {
        Api.Tree t = Api.tree();
        putRules(t.city(), rules("DEFAULT", 1));
        Api.Volunteer v = Api.volunteer(t.community());
        long six = claim(v, yesterday(6, 0), yesterday(12, 0));
        long five = claim(v, yesterday(12, 0), yesterday(17, 0));
        long four = claim(v, yesterday(17, 0), yesterday(21, 0));
        String staff = staffOf(t.street());
        JsonPath unfunded = budget(t.community());
        assertEquals(false, unfunded.getBoolean("budgeted"));

        fund(t.community(), 10, Api.key()).then().statusCode(201)
                .body("budgeted", equalTo(true)).body("funded", equalTo(10)).body("spent", equalTo(0))
                .body("available", equalTo(10));

        long tx = approve(staff, six).getLong("transactionId");
        assertBudget(t.community(), 10, 6, 4);
        assertEquals(-6L, postingTo(tx, "POINTS", "COMMUNITY_BUDGET"), "the points come out of the budget");

        assertProblem(decide(staff, five, "APPROVE", null), 422, "BUDGET_EXHAUSTED");
        assertEquals("PENDING", status(five));
        // a refused approval credits no hours either
        assertBalance(v, "points.available", 6, "hours.minutes", 360);
        assertBudget(t.community(), 10, 6, 4);

        approve(staff, four);
        assertBudget(t.community(), 10, 10, 0);
        assertBalance(v, "points.available", 10);

        fund(t.community(), 5, Api.key()).then().statusCode(201).body("available", equalTo(5));
        approve(staff, five);
        assertBudget(t.community(), 15, 15, 0);
        assertBalance(v, "points.available", 15);
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void a_reversed_approval_gives_its_points_back_to_the_budget() {
        Api.Tree t = Api.tree();
        putRules(t.city(), rules("DEFAULT", 1));
        Api.Volunteer v = Api.volunteer(t.community());
        long id = claim(v, yesterday(6, 0), yesterday(12, 0));
        fund(t.community(), 10, Api.key()).then().statusCode(201);
        approve(staffOf(t.street()), id);

        HourClaimFixtures.reverse(staffOf(t.street()), id, "entered for the wrong volunteer").then().statusCode(200);

        assertBudget(t.community(), 10, 0, 10);
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void a_budget_is_funded_by_an_admin_with_an_idempotency_key_and_only_for_a_community() {
        Api.Tree t = Api.tree();
        String key = Api.key();

        assertProblem(fund(t.community(), 10, null), 400, "IDEMPOTENCY_KEY_REQUIRED");
        assertProblem(as(staffOf(t.street())).header("Idempotency-Key", Api.key())
                .body(Map.of("points", 10, "memo", "from staff"))
                .post("/api/v1/regions/" + t.community() + "/budget-fundings"), 403, "FORBIDDEN");
        assertProblem(fund(t.street(), 10, Api.key()), 422, "NOT_A_COMMUNITY");
        assertEquals(false, budget(t.community()).getBoolean("budgeted"));

        fund(t.community(), 10, key).then().statusCode(201);
        Response replay = fund(t.community(), 10, key);

        assertEquals(201, replay.statusCode());
        assertEquals("true", replay.header("Idempotency-Replayed"));
        assertBudget(t.community(), 10, 0, 10);
        as(staffOf(t.street())).get("/api/v1/regions/" + t.community() + "/budget").then().statusCode(200)
                .body("available", equalTo(10));
        Api.Tree elsewhere = Api.tree();
        as(staffOf(elsewhere.street())).get("/api/v1/regions/" + t.community() + "/budget").then().statusCode(404)
                .body("code", equalTo("REGION_NOT_FOUND"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void a_budgets_fundings_are_listed_newest_first_with_their_memo_and_who_paid_them_in() {
        Api.Tree t = Api.tree();
        as(Tokens.admin()).get("/api/v1/regions/" + t.community() + "/budget-fundings").then().statusCode(200)
                .body("items", hasSize(0)).body("nextCursor", nullValue());

        for (long points : List.of(10L, 20L, 30L)) {
            fund(t.community(), points, Api.key()).then().statusCode(201);
        }

        JsonPath first = as(staffOf(t.street())).queryParam("limit", 2)
                .get("/api/v1/regions/" + t.community() + "/budget-fundings").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(30, 20), first.getList("items.points"));
        assertEquals(List.of("BUDGET_FUNDING", "BUDGET_FUNDING"), first.getList("items.kind"));
        assertEquals("allocation of the community fund", first.getString("items[0].memo"));
        assertEquals("admin-test", first.getString("items[0].actor"));
        JsonPath rest = as(Tokens.admin()).queryParam("limit", 2).queryParam("cursor", first.getString("nextCursor"))
                .get("/api/v1/regions/" + t.community() + "/budget-fundings").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(10), rest.getList("items.points"));
        assertEquals(null, rest.getString("nextCursor"));

        as(staffOf(Api.tree().street())).get("/api/v1/regions/" + t.community() + "/budget-fundings").then()
                .statusCode(404).body("code", equalTo("REGION_NOT_FOUND"));
        as(Tokens.admin()).get("/api/v1/regions/" + t.street() + "/budget-fundings").then()
                .statusCode(422).body("code", equalTo("NOT_A_COMMUNITY"));
    }

    // ---- caps on stored hours ----

    private static Map<String, Object> capped(long minutes, String overCap) {
        return with(rules("DEFAULT", 6), "hoursCap", Map.of("minutes", minutes, "overCap", overCap));
    }

    @Test
    void hours_over_the_cap_are_donated_to_the_community_pool() {
        Api.Tree t = Api.tree();
        putRules(t.city(), capped(120, "DONATE_TO_POOL"));
        Api.Volunteer v = Api.volunteer(t.community());
        long below = claim(v, yesterday(8, 0), yesterday(9, 30));
        long crossing = claim(v, yesterday(10, 0), yesterday(11, 0));
        long over = claim(v, yesterday(12, 0), yesterday(12, 30));
        String staff = staffOf(t.street());

        approve(staff, below);
        assertBalance(v, "hours.minutes", 90);

        JsonPath c = approve(staff, crossing);
        long tx = c.getLong("transactionId");
        assertEquals(60, c.getLong("creditedMinutes"));
        assertEquals(30L, postings(tx).get(v.hoursAccount()));
        assertEquals(30L, postingTo(tx, "HOURS", "COMMUNITY_POOL"));
        assertEquals(-60L, postingTo(tx, "HOURS", "COMMUNITY_ISSUANCE"));
        // the volunteer's hours stop at the cap
        // the cap limits stored hours, not points
        assertBalance(v, "hours.minutes", 120, "points.available", 15);

        long overTx = approve(staff, over).getLong("transactionId");
        assertEquals(null, postings(overTx).get(v.hoursAccount()));
        assertEquals(30L, postingTo(overTx, "HOURS", "COMMUNITY_POOL"));
        assertBalance(v, "hours.minutes", 120, "points.available", 18);
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void the_pool_that_receives_over_cap_hours_is_the_claims_communitys() {
        Api.Tree t = Api.tree();
        putRules(t.city(), capped(60, "DONATE_TO_POOL"));
        Api.Volunteer v = Api.volunteer(t.community());
        long id = claim(v, yesterday(8, 0), yesterday(10, 0));

        long tx = approve(staffOf(t.street()), id).getLong("transactionId");

        Long pool = postings(tx).entrySet().stream()
                .filter(e -> HourClaimFixtures.account(e.getKey()).getString("purpose").equals("COMMUNITY_POOL"))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        JsonPath account = HourClaimFixtures.account(pool);
        assertEquals("REGION", account.getString("ownerType"));
        assertEquals(t.community(), account.getLong("ownerId"));
        assertEquals(60, account.getLong("balance.creditsPosted"));
    }

    @Test
    void where_the_region_refuses_over_cap_hours_an_approval_crossing_the_cap_is_refused() {
        Api.Tree t = Api.tree();
        putRules(t.city(), capped(120, "REFUSE"));
        Api.Volunteer v = Api.volunteer(t.community());
        long below = claim(v, yesterday(8, 0), yesterday(9, 30));
        long crossing = claim(v, yesterday(10, 0), yesterday(11, 0));
        long upToTheCap = claim(v, yesterday(12, 0), yesterday(12, 30));
        String staff = staffOf(t.street());
        approve(staff, below);

        assertProblem(decide(staff, crossing, "APPROVE", null), 422, "HOURS_CAP_REACHED");
        assertEquals("PENDING", status(crossing));
        assertBalance(v, "hours.minutes", 90, "points.available", 9);

        approve(staff, upToTheCap);
        assertBalance(v, "hours.minutes", 120);
        assertEquals(List.of("APPROVAL", "APPROVAL"), historyKinds(v.id()));
        assertEquals("APPROVED", read(upToTheCap).getString("status"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }
}
