package org.timebank.servicerequest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.timebank.servicerequest.ServiceRequestFixtures.accept;
import static org.timebank.servicerequest.ServiceRequestFixtures.account;
import static org.timebank.servicerequest.ServiceRequestFixtures.cancel;
import static org.timebank.servicerequest.ServiceRequestFixtures.complete;
import static org.timebank.servicerequest.ServiceRequestFixtures.confirm;
import static org.timebank.servicerequest.ServiceRequestFixtures.minutes;
import static org.timebank.servicerequest.ServiceRequestFixtures.pendingMinutes;
import static org.timebank.servicerequest.ServiceRequestFixtures.read;
import static org.timebank.servicerequest.ServiceRequestFixtures.request;
import static org.timebank.servicerequest.ServiceRequestFixtures.settlement;
import static org.timebank.servicerequest.ServiceRequestFixtures.step;
import static org.timebank.servicerequest.ServiceRequestFixtures.transaction;
import static org.timebank.servicerequest.ServiceRequestFixtures.withMinutes;
import static org.timebank.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.timebank.ledger.LedgerHousekeeping;
import org.timebank.support.Api;
import org.timebank.support.LedgerChecks;
import org.timebank.support.Tokens;

@QuarkusTest
class ServiceRequestFlowTest {
    @Inject
    LedgerHousekeeping housekeeping;

    /** The one posting of this transaction to an account of this purpose (HOURS). */
    private static Map<String, Object> postingTo(JsonPath t, String purpose) {
        List<Map<String, Object>> postings = t.getList("postings");
        for (Map<String, Object> p : postings) {
            long accountId = ((Number) p.get("accountId")).longValue();
            if (purpose.equals(account(accountId).getString("purpose")) && "POSTED".equals(p.get("phase"))) {
                return p;
            }
        }
        throw new AssertionError("no posting to " + purpose + " in " + t.prettify());
    }

    @Test
    void under_mutual_aid_the_minutes_served_move_from_the_requester_to_the_provider_and_the_rest_is_released() {
        Api.Tree t = Api.tree();
        settlement(t.city(), "MUTUAL_AID");
        Api.Volunteer requester = withMinutes(t.community(), 120);
        Api.Volunteer provider = withMinutes(t.community(), 0);
        long id = request(requester, 60);
        assertEquals("OPEN", read(id).getString("status"));

        accept(provider, id).then().statusCode(200).body("status", equalTo("ACCEPTED"))
                .body("providerId", equalTo((int) provider.id())).body("settlement", equalTo("MUTUAL_AID"))
                .body("holdId", notNullValue());
        assertEquals(60, pendingMinutes(requester));

        complete(provider, id, 45).then().statusCode(200).body("status", equalTo("COMPLETED"))
                .body("minutesServed", equalTo(45));
        assertEquals(60, pendingMinutes(requester), "a report posts nothing");

        JsonPath confirmed = confirm(Tokens.volunteer(requester.id()), id).then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("postedMinutes", equalTo(45)).extract().jsonPath();
        assertEquals(75, minutes(requester));
        assertEquals(0, pendingMinutes(requester));
        assertEquals(45, minutes(provider));
        assertNull(confirmed.get("claimId"), "mutual aid records no claim");
        JsonPath posted = transaction(confirmed.getLong("settlementTransactionId"));
        assertEquals("HOLD_POST", posted.getString("kind"));
        assertTrue(posted.getString("memo").contains("MUTUAL_AID"), posted.getString("memo"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void under_the_bank_rule_the_hours_are_consumed_and_the_provider_earns_as_for_an_approved_claim() {
        Api.Tree t = Api.tree();
        as(Tokens.admin()).body(Map.of("granularityMinutes", 1, "rounding", "DOWN",
                        "effectiveFrom", OffsetDateTime.now().minusDays(30).toString(),
                        "rates", List.of(Map.of("category", "MEAL_DELIVERY", "pointsPerHour", 12))))
                .put("/api/v1/regions/" + t.community() + "/conversion-rules").then().statusCode(200);
        Api.Volunteer requester = withMinutes(t.community(), 100);
        Api.Volunteer provider = withMinutes(t.community(), 0);
        long id = request(requester, 60);
        accept(provider, id).then().statusCode(200).body("settlement", equalTo("BANK"));
        complete(provider, id, 30).then().statusCode(200);
        JsonPath confirmed = confirm(Tokens.volunteer(requester.id()), id).then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("claimId", notNullValue()).extract().jsonPath();

        assertEquals(70, minutes(requester));
        assertEquals(0, pendingMinutes(requester));
        assertEquals(30, minutes(provider), "the provider earns new hours, not the payer's");
        assertEquals(6, Api.balance(provider, "points.available"), "30 minutes at 12 points an hour");
        JsonPath posted = transaction(confirmed.getLong("settlementTransactionId"));
        assertTrue(posted.getString("memo").contains("BANK"), posted.getString("memo"));
        assertEquals(30, ((Number) postingTo(posted, "COMMUNITY_WITHDRAWN").get("amount")).longValue());
        as(Tokens.admin()).get("/api/v1/hour-claims/" + confirmed.getLong("claimId")).then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("volunteerId", equalTo((int) provider.id()))
                .body("category", equalTo("MEAL_DELIVERY"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void an_open_request_is_cancelled_freely_and_an_accepted_one_with_a_reason_releasing_the_hold() {
        Api.Tree t = Api.tree();
        Api.Volunteer requester = withMinutes(t.community(), 100);
        Api.Volunteer provider = withMinutes(t.community(), 0);
        long open = request(requester, 30);
        cancel(Tokens.volunteer(requester.id()), open, null).then().statusCode(200).body("status", equalTo("CANCELLED"));

        long id = request(requester, 60);
        accept(provider, id).then().statusCode(200);
        cancel(Tokens.volunteer(provider.id()), id, null).then().statusCode(422).body("code", equalTo("REASON_REQUIRED"));
        assertEquals(60, pendingMinutes(requester));
        cancel(Tokens.volunteer(provider.id()), id, "临时有事").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("reason", equalTo("临时有事"));
        assertEquals(0, pendingMinutes(requester));
        assertEquals(100, minutes(requester));
        cancel(Tokens.volunteer(requester.id()), id, "again").then().statusCode(409)
                .body("code", equalTo("SERVICE_REQUEST_NOT_CANCELLABLE"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void a_no_show_releases_the_hold_and_names_who_did_not_come() {
        Api.Tree t = Api.tree();
        Api.Volunteer requester = withMinutes(t.community(), 100);
        Api.Volunteer provider = withMinutes(t.community(), 0);
        long id = request(requester, 60);
        accept(provider, id).then().statusCode(200);
        step(Tokens.volunteer(requester.id()), id, "no-show", null).then().statusCode(200)
                .body("status", equalTo("NO_SHOW")).body("noShowParty", equalTo("PROVIDER"));
        assertEquals(0, pendingMinutes(requester));
        assertEquals(100, minutes(requester));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void a_dispute_is_resolved_by_staff_serving_the_community_who_post_part_of_the_hold() {
        Api.Tree t = Api.tree();
        settlement(t.community(), "MUTUAL_AID");
        Api.Volunteer requester = withMinutes(t.community(), 100);
        Api.Volunteer provider = withMinutes(t.community(), 0);
        long id = request(requester, 60);
        accept(provider, id).then().statusCode(200);
        complete(provider, id, 60).then().statusCode(200);
        step(Tokens.volunteer(requester.id()), id, "dispute", Map.of("reason", "只来了二十分钟")).then().statusCode(200)
                .body("status", equalTo("DISPUTED"));
        confirm(Tokens.volunteer(requester.id()), id).then().statusCode(409)
                .body("code", equalTo("SERVICE_REQUEST_NOT_COMPLETED"));

        Map<String, Object> part = Map.of("decision", "POST_PART", "minutes", 20, "reason", "核实为二十分钟");
        step(Tokens.staff("staff-far", Api.tree().community()), id, "resolution", part).then().statusCode(404)
                .body("code", equalTo("SERVICE_REQUEST_NOT_FOUND"));
        step(Tokens.staff("staff-near", t.street()), id, "resolution", part).then().statusCode(200)
                .body("status", equalTo("RESOLVED")).body("postedMinutes", equalTo(20));
        assertEquals(80, minutes(requester));
        assertEquals(20, minutes(provider));
        assertEquals(0, pendingMinutes(requester));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void nobody_takes_their_own_request_and_a_payer_without_the_hours_leaves_it_open() {
        Api.Tree t = Api.tree();
        Api.Volunteer requester = withMinutes(t.community(), 30);
        Api.Volunteer provider = withMinutes(t.community(), 0);
        long id = request(requester, 60);
        accept(requester, id).then().statusCode(422).body("code", equalTo("SERVICE_REQUEST_OWN"));
        accept(provider, id).then().statusCode(422).body("code", equalTo("INSUFFICIENT_HOURS"));
        assertEquals("OPEN", read(id).getString("status"));
        assertEquals(0, pendingMinutes(requester));
        Api.adjust(requester.hoursAccount(), "CREDIT", 30).statusCode(201);
        accept(provider, id).then().statusCode(200);
        accept(withMinutes(t.community(), 0), id).then().statusCode(409)
                .body("code", equalTo("SERVICE_REQUEST_NOT_OPEN"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void staff_post_for_a_resident_and_have_the_communitys_pool_pay_with_a_reason() {
        Api.Tree t = Api.tree();
        settlement(t.community(), "MUTUAL_AID");
        Api.Volunteer resident = withMinutes(t.community(), 0);
        Api.Volunteer provider = withMinutes(t.community(), 0);
        Api.Volunteer donor = withMinutes(t.community(), 90);
        as(Tokens.volunteer(donor.id())).header("Idempotency-Key", Api.key()).body(Map.of("type", "DONATION", "asset", "HOURS", "amount", 90))
                .post("/api/v1/transfers").then().statusCode(201);
        String staff = Tokens.staff("staff-pool", t.community());
        Map<String, Object> pool = ServiceRequestFixtures.with(ServiceRequestFixtures.body(60), "requesterId",
                resident.id(), "payerType", "COMMUNITY_POOL");
        ServiceRequestFixtures.post(staff, pool).then().statusCode(400);
        Map<String, Object> withReason = ServiceRequestFixtures.with(pool, "payerReason", "独居困难老人");
        ServiceRequestFixtures.post(Tokens.volunteer(resident.id()), withReason).then().statusCode(403)
                .body("code", equalTo("POOL_PAYER_STAFF_ONLY"));
        long id = ServiceRequestFixtures.post(staff, withReason).then().statusCode(201)
                .body("payerType", equalTo("COMMUNITY_POOL")).body("requesterId", equalTo((int) resident.id()))
                .extract().jsonPath().getLong("id");
        accept(provider, id).then().statusCode(200);
        complete(provider, id, 60).then().statusCode(200);
        confirm(Tokens.volunteer(provider.id()), id).then().statusCode(403);
        confirm(staff, id).then().statusCode(200).body("status", equalTo("CONFIRMED"));
        assertEquals(60, minutes(provider));
        as(staff).get("/api/v1/regions/" + t.community() + "/pool").then().statusCode(200)
                .body("hours.availableMinutes", equalTo(30));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void the_category_must_be_one_the_region_offers_and_rules_are_inherited() {
        Api.Tree t = Api.tree();
        as(Tokens.volunteer(1)).get("/api/v1/regions/" + t.community() + "/service-rules").then().statusCode(200)
                .body("settlement", equalTo("BANK")).body("categories", org.hamcrest.Matchers.hasItem("HOSPITAL_ESCORT"));
        settlement(t.district(), "MUTUAL_AID");
        as(Tokens.volunteer(1)).get("/api/v1/regions/" + t.community() + "/service-rules").then().statusCode(200)
                .body("settlement", equalTo("MUTUAL_AID")).body("inheritedFrom", equalTo((int) t.district()));
        Api.Volunteer requester = withMinutes(t.community(), 100);
        ServiceRequestFixtures.post(Tokens.volunteer(requester.id()),
                        ServiceRequestFixtures.with(ServiceRequestFixtures.body(30), "category", "HOSPITAL_ESCORT"))
                .then().statusCode(422).body("code", equalTo("SERVICE_CATEGORY_NOT_OFFERED"))
                .body("detail", containsString("HOSPITAL_ESCORT"));
    }
}
