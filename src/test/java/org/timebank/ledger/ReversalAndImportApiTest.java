package org.timebank.ledger;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.timebank.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.timebank.support.Api;
import org.timebank.support.LedgerChecks;
import org.timebank.support.Tokens;

@QuarkusTest
class ReversalAndImportApiTest {
    @Inject
    LedgerHousekeeping housekeeping;

    private static io.restassured.response.ValidatableResponse reverse(long transactionId) {
        return as(Tokens.admin()).header("Idempotency-Key", Api.key()).body(Map.of("reason", "entered twice"))
                .post("/api/v1/ledger/transactions/" + transactionId + "/reversal").then();
    }

    private static io.restassured.response.ValidatableResponse importCsv(String csv) {
        return RestAssured.given().auth().oauth2(Tokens.admin()).contentType("text/csv").accept("application/json")
                .header("Idempotency-Key", Api.key()).header("Accept-Language", "en").body(csv)
                .post("/api/v1/ledger/imports").then();
    }

    @Test
    void a_reversal_undoes_a_transaction_once_and_points_at_it() {
        Api.Volunteer v = Api.volunteer(Api.tree().community());
        long original = Api.adjust(v.pointsAccount(), "CREDIT", 50).statusCode(201).extract().jsonPath().getLong("id");

        long reversal = reverse(original).statusCode(201).body("kind", equalTo("REVERSAL"))
                .body("reversesId", equalTo((int) original)).extract().jsonPath().getLong("id");

        assertEquals(0, Api.balance(v, "points.posted"));
        as(Tokens.admin()).get("/api/v1/ledger/transactions/" + original).then()
                .body("reversedById", equalTo((int) reversal));
        reverse(original).statusCode(409).body("code", equalTo("ALREADY_REVERSED"));
        reverse(reversal).statusCode(422).body("code", equalTo("NOT_REVERSIBLE"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void racing_reversals_of_one_transaction_reverse_it_once() throws Exception {
        Api.Volunteer v = Api.volunteer(Api.tree().community());
        long original = Api.adjust(v.pointsAccount(), "CREDIT", 50).statusCode(201).extract().jsonPath().getLong("id");
        String admin = Tokens.admin();
        java.util.List<java.util.concurrent.Callable<io.restassured.response.Response>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> as(admin).header("Idempotency-Key", Api.key()).header("Accept-Language", "en")
                    .body(Map.of("reason", "race")).post("/api/v1/ledger/transactions/" + original + "/reversal"));
        }
        var responses = org.timebank.support.Parallel.run(8, calls);
        assertEquals(1, responses.stream().filter(r -> r.statusCode() == 201).count());
        for (var r : responses) {
            if (r.statusCode() != 201) {
                assertEquals(409, r.statusCode(), r.asString());
                assertEquals("ALREADY_REVERSED", r.jsonPath().getString("code"));
                assertEquals("Transaction " + original + " has already been reversed", r.jsonPath().getString("detail"));
            }
        }
        assertEquals(0, Api.balance(v, "points.posted"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void a_credit_already_spent_cannot_be_reversed_into_a_negative_wallet() {
        Api.Volunteer v = Api.volunteer(Api.tree().community());
        long credit = Api.adjust(v.pointsAccount(), "CREDIT", 50).statusCode(201).extract().jsonPath().getLong("id");
        Api.adjust(v.pointsAccount(), "DEBIT", 30).statusCode(201);

        reverse(credit).statusCode(422).body("code", equalTo("INSUFFICIENT_POINTS"));

        assertEquals(20, Api.balance(v, "points.posted"));
        as(Tokens.admin()).get("/api/v1/ledger/transactions/" + credit).then().body("reversedById", equalTo(null));
    }

    @Test
    void opening_balances_import_by_volunteer_id_and_by_phone() {
        long community = Api.tree().community();
        Api.Volunteer a = Api.volunteer(community);
        String phone = Api.phone();
        long b = as(Tokens.admin()).body(Map.of("name", "王五", "phone", phone, "homeCommunityId", community))
                .post("/api/v1/volunteers").then().statusCode(201).extract().jsonPath().getLong("id");

        importCsv("volunteer_id,asset,amount,reference\n" + a.id() + ",HOURS,750,passbook p.12\n" + a.id()
                + ",POINTS,120,\n").statusCode(201)
                .body("lines", equalTo(2)).body("hoursMinutes", equalTo(750)).body("points", equalTo(120));
        importCsv("phone,asset,amount,reference\r\n" + phone + ",points,40,\"old card, no. 7\"\r\n").statusCode(201)
                .body("lines", equalTo(1));

        assertEquals(750, Api.balance(a, "hours.minutes"));
        assertEquals(120, Api.balance(a, "points.available"));
        as(Tokens.admin()).get("/api/v1/volunteers/" + b + "/balance").then().body("points.available", equalTo(40));
        as(Tokens.admin()).get("/api/v1/volunteers/" + b + "/transactions").then()
                .body("items[0].kind", equalTo("OPENING_BALANCE"))
                .body("items[0].memo", equalTo("old card, no. 7"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void an_import_with_any_bad_line_writes_nothing_and_reports_every_bad_line() {
        Api.Volunteer a = Api.volunteer(Api.tree().community());
        Api.Volunteer b = Api.volunteer(Api.tree().community());
        importCsv("volunteer_id,asset,amount,reference\n" + b.id() + ",HOURS,60,\n").statusCode(201);

        importCsv("volunteer_id,asset,amount,reference\n"
                + a.id() + ",HOURS,750,good line\n"
                + "999999999,POINTS,10,unknown volunteer\n"
                + b.id() + ",HOURS,30,second opening balance\n"
                + a.id() + ",COINS,5,bad asset\n")
                .statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("IMPORT_INVALID"))
                .body("errors", hasSize(3))
                .body("errors[2].line", equalTo(5))
                .body("errors[2].code", equalTo("IMPORT_ASSET_INVALID"))
                .body("errors[0].line", equalTo(3)).body("errors[0].code", equalTo("IMPORT_VOLUNTEER_UNKNOWN"))
                .body("errors[1].line", equalTo(4)).body("errors[1].code", equalTo("IMPORT_OPENING_BALANCE_EXISTS"))
                .body("errors[1].detail", equalTo("This volunteer's HOURS account already has an opening balance"));

        assertEquals(0, Api.balance(a, "hours.minutes"));
        assertEquals(60, Api.balance(b, "hours.minutes"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }
}
