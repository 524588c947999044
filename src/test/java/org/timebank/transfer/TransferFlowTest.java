package org.timebank.transfer;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.timebank.support.Api.as;
import static org.timebank.support.Problems.assertProblem;
import static org.timebank.transfer.TransferFixtures.donate;
import static org.timebank.transfer.TransferFixtures.gift;
import static org.timebank.transfer.TransferFixtures.grant;
import static org.timebank.transfer.TransferFixtures.pool;
import static org.timebank.transfer.TransferFixtures.volunteerWith;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.timebank.ledger.LedgerHousekeeping;
import org.timebank.support.Api;
import org.timebank.support.LedgerChecks;
import org.timebank.support.Tokens;

@QuarkusTest
class TransferFlowTest {
    @Inject
    LedgerHousekeeping housekeeping;

    @Test
    void a_volunteer_gifts_points_to_another() {
        Api.Tree t = Api.tree();
        Api.Volunteer giver = volunteerWith(t.community(), 100, 0);
        Api.Volunteer taker = volunteerWith(t.community(), 0, 0);

        long tx = gift(giver, taker.id(), null, 40).then().statusCode(201)
                .body("type", equalTo("GIFT")).body("asset", equalTo("POINTS")).body("amount", equalTo(40))
                .body("fromVolunteerId", equalTo((int) giver.id())).body("toVolunteerId", equalTo((int) taker.id()))
                .body("communityId", nullValue()).body("createdAt", notNullValue())
                .extract().jsonPath().getLong("transactionId");

        assertEquals(60, Api.balance(giver, "points.available"));
        assertEquals(40, Api.balance(taker, "points.available"));
        as(Tokens.admin()).get("/api/v1/ledger/transactions/" + tx).then().statusCode(200).body("kind", equalTo("GIFT"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void nobody_gifts_to_themselves() {
        Api.Tree t = Api.tree();
        Api.Volunteer giver = volunteerWith(t.community(), 100, 0);

        gift(giver, giver.id(), null, 10).then().statusCode(422).body("code", equalTo("TRANSFER_TO_SELF"));
        assertEquals(100, Api.balance(giver, "points.available"));
    }

    @Test
    void a_gift_to_an_unknown_volunteer_is_refused() {
        Api.Tree t = Api.tree();
        Api.Volunteer giver = volunteerWith(t.community(), 100, 0);

        gift(giver, 999_999_999L, null, 10).then().statusCode(422).body("code", equalTo("VOLUNTEER_NOT_FOUND"));
        assertEquals(100, Api.balance(giver, "points.available"));
    }

    @Test
    void a_gift_beyond_the_balance_moves_nothing() {
        Api.Tree t = Api.tree();
        Api.Volunteer giver = volunteerWith(t.community(), 100, 0);
        Api.Volunteer taker = volunteerWith(t.community(), 5, 0);

        gift(giver, taker.id(), "POINTS", 101).then().statusCode(422).body("code", equalTo("INSUFFICIENT_POINTS"));

        assertEquals(100, Api.balance(giver, "points.available"));
        assertEquals(5, Api.balance(taker, "points.available"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void hours_are_gifted_only_where_the_home_communitys_rules_allow_it() {
        Api.Tree t = Api.tree();
        Api.Volunteer giver = volunteerWith(t.community(), 0, 600);
        Api.Volunteer taker = volunteerWith(t.community(), 0, 0);

        gift(giver, taker.id(), "HOURS", 60).then().statusCode(422).body("code", equalTo("HOURS_GIFTS_NOT_ALLOWED"));

        as(Tokens.admin()).body(Map.of("hoursGiftsAllowed", true))
                .put("/api/v1/regions/" + t.district() + "/transfer-rules").then().statusCode(200)
                .body("hoursGiftsAllowed", equalTo(true)).body("inheritedFrom", equalTo((int) t.district()));
        as(Tokens.volunteer(giver.id())).get("/api/v1/regions/" + t.community() + "/transfer-rules").then()
                .statusCode(200).body("hoursGiftsAllowed", equalTo(true)).body("inheritedFrom", equalTo((int) t.district()));
        gift(giver, taker.id(), "HOURS", 60).then().statusCode(201).body("asset", equalTo("HOURS"));
        assertEquals(540, Api.balance(giver, "hours.minutes"));
        assertEquals(60, Api.balance(taker, "hours.minutes"));

        // the nearest rule wins: the community closes what its district opened
        as(Tokens.admin()).body(Map.of("hoursGiftsAllowed", false))
                .put("/api/v1/regions/" + t.community() + "/transfer-rules").then().statusCode(200);
        gift(giver, taker.id(), "HOURS", 60).then().statusCode(422).body("code", equalTo("HOURS_GIFTS_NOT_ALLOWED"));
        assertEquals(540, Api.balance(giver, "hours.minutes"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void a_replayed_gift_moves_the_points_once() {
        Api.Tree t = Api.tree();
        Api.Volunteer giver = volunteerWith(t.community(), 100, 0);
        Api.Volunteer taker = volunteerWith(t.community(), 0, 0);
        String key = Api.key();

        long first = gift(giver, taker.id(), null, 30, key).then().statusCode(201)
                .extract().jsonPath().getLong("transactionId");
        long again = gift(giver, taker.id(), null, 30, key).then().statusCode(201)
                .header("Idempotency-Replayed", "true").extract().jsonPath().getLong("transactionId");

        assertEquals(first, again);
        assertEquals(70, Api.balance(giver, "points.available"));
        assertEquals(30, Api.balance(taker, "points.available"));
        gift(giver, taker.id(), null, 31, key).then().statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void a_transfer_needs_an_idempotency_key() {
        Api.Tree t = Api.tree();
        Api.Volunteer giver = volunteerWith(t.community(), 100, 0);
        Api.Volunteer taker = volunteerWith(t.community(), 0, 0);

        as(Tokens.volunteer(giver.id())).body(Map.of("type", "GIFT", "toVolunteerId", taker.id(), "amount", 10))
                .post("/api/v1/transfers").then().statusCode(400).body("code", equalTo("IDEMPOTENCY_KEY_REQUIRED"));
        assertEquals(100, Api.balance(giver, "points.available"));
    }

    @Test
    void a_gift_names_its_recipient_and_a_donation_none() {
        Api.Tree t = Api.tree();
        Api.Volunteer giver = volunteerWith(t.community(), 100, 0);

        as(Tokens.volunteer(giver.id())).header("Idempotency-Key", Api.key())
                .body(Map.of("type", "GIFT", "amount", 10)).post("/api/v1/transfers").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        as(Tokens.volunteer(giver.id())).header("Idempotency-Key", Api.key())
                .body(Map.of("type", "DONATION", "toVolunteerId", giver.id(), "amount", 10))
                .post("/api/v1/transfers").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        as(Tokens.volunteer(giver.id())).header("Idempotency-Key", Api.key())
                .body(Map.of("type", "GIFT", "toVolunteerId", giver.id() + 1, "amount", 0))
                .post("/api/v1/transfers").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        assertEquals(100, Api.balance(giver, "points.available"));
    }

    @Test
    void a_donation_fills_the_pool_and_staff_grant_from_it() {
        Api.Tree t = Api.tree();
        Api.Volunteer donor = volunteerWith(t.community(), 100, 0);
        Api.Volunteer elder = volunteerWith(t.community(), 0, 0);
        String staff = Tokens.staff("staff-grant", t.street());

        donate(donor, null, "POINTS", 40).then().statusCode(201)
                .body("type", equalTo("DONATION")).body("communityId", equalTo((int) t.community()))
                .body("toVolunteerId", nullValue());
        assertEquals(60, Api.balance(donor, "points.available"));
        as(staff).get("/api/v1/regions/" + t.community() + "/pool").then().statusCode(200)
                .body("communityId", equalTo((int) t.community()))
                .body("points.available", equalTo(40)).body("hours.availableMinutes", equalTo(0));

        long tx = grant(staff, t.community(), elder.id(), "POINTS", 30).then().statusCode(201)
                .header("Location", notNullValue())
                .body("toVolunteerId", equalTo((int) elder.id())).body("amount", equalTo(30))
                .body("reason", equalTo("独居老人助餐")).extract().jsonPath().getLong("transactionId");
        as(Tokens.admin()).get("/api/v1/ledger/transactions/" + tx).then().statusCode(200)
                .body("kind", equalTo("GRANT")).body("memo", equalTo("独居老人助餐"));
        assertEquals(30, Api.balance(elder, "points.available"));
        assertEquals(10, pool(t.community(), "points.available"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void a_grant_beyond_the_pool_is_refused() {
        Api.Tree t = Api.tree();
        Api.Volunteer donor = volunteerWith(t.community(), 0, 120);
        Api.Volunteer elder = volunteerWith(t.community(), 0, 0);
        String staff = Tokens.staff("staff-grant", t.community());
        donate(donor, t.community(), "HOURS", 90).then().statusCode(201);

        grant(staff, t.community(), elder.id(), "HOURS", 91).then().statusCode(422)
                .body("code", equalTo("POOL_INSUFFICIENT"));
        grant(staff, t.community(), elder.id(), "POINTS", 1).then().statusCode(422)
                .body("code", equalTo("POOL_INSUFFICIENT"));

        assertEquals(0, Api.balance(elder, "hours.minutes"));
        assertEquals(90, pool(t.community(), "hours.availableMinutes"));
        grant(staff, t.community(), elder.id(), "HOURS", 90).then().statusCode(201);
        assertEquals(90, Api.balance(elder, "hours.minutes"));
        assertEquals(0, pool(t.community(), "hours.availableMinutes"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void a_donation_beyond_the_balance_moves_nothing() {
        Api.Tree t = Api.tree();
        Api.Volunteer donor = volunteerWith(t.community(), 10, 0);

        donate(donor, null, "POINTS", 11).then().statusCode(422).body("code", equalTo("INSUFFICIENT_POINTS"));
        donate(donor, t.street(), "POINTS", 5).then().statusCode(422).body("code", equalTo("NOT_A_COMMUNITY"));

        assertEquals(10, Api.balance(donor, "points.available"));
        assertEquals(0, pool(t.community(), "points.available"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void staff_do_not_grant_to_themselves() {
        Api.Tree t = Api.tree();
        Api.Volunteer donor = volunteerWith(t.community(), 50, 0);
        Api.Volunteer staffer = volunteerWith(t.community(), 0, 0);
        donate(donor, null, "POINTS", 50).then().statusCode(201);

        grant(Tokens.staff(Long.toString(staffer.id()), t.community()), t.community(), staffer.id(), "POINTS", 10)
                .then().statusCode(403).body("code", equalTo("GRANT_TO_SELF"));
        assertEquals(0, Api.balance(staffer, "points.available"));
        assertEquals(50, pool(t.community(), "points.available"));
    }

    @Test
    void only_staff_serving_the_community_see_and_grant_from_its_pool() {
        Api.Tree t = Api.tree();
        Api.Tree elsewhere = Api.tree();
        Api.Volunteer donor = volunteerWith(t.community(), 50, 0);
        Api.Volunteer elder = volunteerWith(t.community(), 0, 0);
        donate(donor, null, "POINTS", 50).then().statusCode(201);
        String outsider = Tokens.staff("staff-elsewhere", elsewhere.street());

        as(outsider).get("/api/v1/regions/" + t.community() + "/pool").then().statusCode(404)
                .body("code", equalTo("REGION_NOT_FOUND"));
        grant(outsider, t.community(), elder.id(), "POINTS", 10).then().statusCode(403)
                .body("code", equalTo("NOT_IN_SCOPE"));
        grant(Tokens.volunteer(donor.id()), t.community(), elder.id(), "POINTS", 10).then().statusCode(403);
        grant(Tokens.admin(), t.community(), elder.id(), "POINTS", 10).then().statusCode(403);
        as(Tokens.volunteer(donor.id())).get("/api/v1/regions/" + t.community() + "/pool").then().statusCode(403);
        as(Tokens.admin()).get("/api/v1/regions/" + t.community() + "/pool").then().statusCode(200)
                .body("points.available", equalTo(50));

        assertEquals(0, Api.balance(elder, "points.available"));
        assertEquals(50, pool(t.community(), "points.available"));
    }

    @Test
    void staff_grant_only_to_volunteers_they_may_see_and_to_them_others_are_as_absent_as_unknown_ids() {
        Api.Tree t = Api.tree();
        long sibling = Api.region(Api.unique("社区"), "COMMUNITY", t.street());
        Api.Volunteer donor = volunteerWith(t.community(), 50, 0);
        Api.Volunteer stranger = volunteerWith(Api.tree().community(), 0, 0);
        Api.Volunteer neighbour = volunteerWith(sibling, 0, 0);
        donate(donor, null, "POINTS", 50).then().statusCode(201);
        String communityStaff = Tokens.staff("staff-grant", t.community());

        var hidden = grant(communityStaff, t.community(), stranger.id(), "POINTS", 10);
        var absent = grant(communityStaff, t.community(), Long.MAX_VALUE, "POINTS", 10);
        assertProblem(hidden, 422, "VOLUNTEER_NOT_FOUND");
        assertProblem(absent, 422, "VOLUNTEER_NOT_FOUND");
        // the sibling community's volunteer is outside this staff member's scope as well
        assertProblem(grant(communityStaff, t.community(), neighbour.id(), "POINTS", 10), 422, "VOLUNTEER_NOT_FOUND");
        assertEquals(0, Api.balance(stranger, "points.available"));
        assertEquals(50, pool(t.community(), "points.available"));

        // staff of the street serve both communities: they may grant from one's pool to the other's volunteer
        grant(Tokens.staff("staff-street", t.street()), t.community(), neighbour.id(), "POINTS", 10).then()
                .statusCode(201);
        assertEquals(10, Api.balance(neighbour, "points.available"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void a_shop_and_staff_cannot_transfer() {
        Api.Tree t = Api.tree();
        Api.Volunteer taker = volunteerWith(t.community(), 0, 0);
        Map<String, Object> body = Map.of("type", "GIFT", "toVolunteerId", taker.id(), "amount", 10);

        as(Tokens.shop("1")).header("Idempotency-Key", Api.key()).body(body).post("/api/v1/transfers").then()
                .statusCode(403);
        as(Tokens.staff("staff-x", t.street())).header("Idempotency-Key", Api.key()).body(body)
                .post("/api/v1/transfers").then().statusCode(403);
        as(Tokens.admin()).body(Map.of("hoursGiftsAllowed", true))
                .put("/api/v1/regions/" + t.city() + "/transfer-rules").then().statusCode(200);
        as(Tokens.staff("staff-x", t.street())).body(Map.of("hoursGiftsAllowed", true))
                .put("/api/v1/regions/" + t.city() + "/transfer-rules").then().statusCode(403);
        assertEquals(0, Api.balance(taker, "points.available"));
    }
}
