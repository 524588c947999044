package org.timebank.servicerequest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.timebank.servicerequest.ServiceRequestFixtures.accept;
import static org.timebank.servicerequest.ServiceRequestFixtures.body;
import static org.timebank.servicerequest.ServiceRequestFixtures.complete;
import static org.timebank.servicerequest.ServiceRequestFixtures.confirm;
import static org.timebank.servicerequest.ServiceRequestFixtures.minutes;
import static org.timebank.servicerequest.ServiceRequestFixtures.pendingMinutes;
import static org.timebank.servicerequest.ServiceRequestFixtures.post;
import static org.timebank.servicerequest.ServiceRequestFixtures.settlement;
import static org.timebank.servicerequest.ServiceRequestFixtures.with;
import static org.timebank.servicerequest.ServiceRequestFixtures.withMinutes;
import static org.timebank.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.timebank.family.FamilyFixtures;
import org.timebank.ledger.LedgerHousekeeping;
import org.timebank.support.Api;
import org.timebank.support.LedgerChecks;
import org.timebank.support.Parallel;
import org.timebank.support.Tokens;

@QuarkusTest
class FamilyPayerTest {
    @Inject
    LedgerHousekeeping housekeeping;

    private static Map<String, Object> paidBy(Api.Volunteer payer, int minutes) {
        return with(body(minutes), "payerType", "FAMILY", "payerVolunteerId", payer.id());
    }

    @Test
    void a_linked_family_member_pays_for_the_requesters_service_from_their_own_stored_hours() {
        Api.Tree t = Api.tree();
        settlement(t.community(), "MUTUAL_AID");
        Api.Volunteer elder = withMinutes(t.community(), 0);
        Api.Volunteer son = withMinutes(t.community(), 200);
        Api.Volunteer stranger = withMinutes(t.community(), 200);
        Api.Volunteer provider = withMinutes(t.community(), 0);
        post(Tokens.volunteer(elder.id()), paidBy(stranger, 60)).then().statusCode(422)
                .body("code", equalTo("FAMILY_LINK_REQUIRED"));
        FamilyFixtures.linked(son, elder);
        long id = post(Tokens.volunteer(elder.id()), paidBy(son, 60)).then().statusCode(201)
                .body("payerVolunteerId", equalTo((int) son.id())).extract().jsonPath().getLong("id");

        accept(son, id).then().statusCode(422).body("code", equalTo("SERVICE_REQUEST_OWN"));
        accept(provider, id).then().statusCode(200).body("payerType", equalTo("FAMILY"));
        assertEquals(60, pendingMinutes(son));
        as(Tokens.volunteer(son.id())).get(ServiceRequestFixtures.PATH + "?relation=PAYER").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains((int) id));
        complete(provider, id, 60).then().statusCode(200);
        confirm(Tokens.volunteer(son.id()), id).then().statusCode(403);
        confirm(Tokens.volunteer(elder.id()), id).then().statusCode(200);
        assertEquals(140, minutes(son));
        assertEquals(0, minutes(elder));
        assertEquals(60, minutes(provider));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void the_payers_monthly_limit_holds_even_when_acceptances_come_at_once() throws Exception {
        Api.Tree t = Api.tree();
        Api.Volunteer elder = withMinutes(t.community(), 0);
        Api.Volunteer daughter = withMinutes(t.community(), 1000);
        long link = FamilyFixtures.linked(elder, daughter);
        as(Tokens.volunteer(daughter.id())).header("Idempotency-Key", Api.key()).body(Map.of("monthlyMinutes", 90))
                .put("/api/v1/volunteers/" + daughter.id() + "/family-links/" + link + "/payment-limit").then()
                .statusCode(200).body("memberLimitMinutes", equalTo(90));
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long id = post(Tokens.volunteer(elder.id()), paidBy(daughter, 30)).then().statusCode(201)
                    .extract().jsonPath().getLong("id");
            Api.Volunteer provider = withMinutes(t.community(), 0);
            calls.add(() -> accept(provider, id).statusCode());
        }
        List<Integer> statuses = Parallel.run(5, calls);

        assertEquals(3, statuses.stream().filter(s -> s == 200).count(), statuses::toString);
        assertEquals(2, statuses.stream().filter(s -> s == 422).count(), statuses::toString);
        assertEquals(90, pendingMinutes(daughter));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void once_the_link_is_removed_the_family_member_no_longer_pays() {
        Api.Tree t = Api.tree();
        Api.Volunteer elder = withMinutes(t.community(), 0);
        Api.Volunteer son = withMinutes(t.community(), 100);
        long link = FamilyFixtures.linked(elder, son);
        long id = post(Tokens.volunteer(elder.id()), paidBy(son, 30)).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        as(Tokens.volunteer(son.id())).header("Idempotency-Key", Api.key())
                .post("/api/v1/volunteers/" + son.id() + "/family-links/" + link + "/removal").then().statusCode(200);
        accept(withMinutes(t.community(), 0), id).then().statusCode(422).body("code", equalTo("FAMILY_LINK_REQUIRED"));
        assertEquals(0, pendingMinutes(son));
    }
}
