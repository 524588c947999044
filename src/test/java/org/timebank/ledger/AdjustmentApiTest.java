package org.timebank.ledger;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.timebank.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.timebank.support.Api;
import org.timebank.support.LedgerChecks;
import org.timebank.support.Tokens;

@QuarkusTest
class AdjustmentApiTest {
    @Inject
    LedgerHousekeeping housekeeping;

    @Test
    void a_credit_adjustment_shows_in_the_balance_the_history_and_the_journal() {
        Api.Tree tree = Api.tree();
        Api.Volunteer v = Api.volunteer(tree.community());

        long txId = Api.adjust(v.pointsAccount(), "CREDIT", 120).statusCode(201)
                .header("Location", notNullValue())
                .body("kind", equalTo("ADJUSTMENT"))
                .body("postings", hasSize(2))
                .extract().jsonPath().getLong("id");

        as(Tokens.volunteer(v.id())).get("/api/v1/volunteers/" + v.id() + "/balance").then().statusCode(200)
                .body("points.available", equalTo(120))
                .body("points.posted", equalTo(120))
                .body("hours.minutes", equalTo(0))
                .body("starLevel.stars", equalTo(0))
                .body("starLevel.minutesToNext", equalTo(6000));
        as(Tokens.volunteer(v.id())).get("/api/v1/volunteers/" + v.id() + "/transactions").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].transactionId", equalTo((int) txId))
                .body("items[0].postings[0].amount", equalTo(120));
        as(Tokens.admin()).get("/api/v1/ledger/transactions/" + txId).then().statusCode(200)
                .body("memo", equalTo("test"))
                .body("actor", equalTo("admin-test"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void a_debit_beyond_the_wallet_is_refused_and_changes_nothing() {
        Api.Tree tree = Api.tree();
        Api.Volunteer v = Api.volunteer(tree.community());
        Api.adjust(v.pointsAccount(), "CREDIT", 50).statusCode(201);

        Api.adjust(v.pointsAccount(), "DEBIT", 51).statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("INSUFFICIENT_POINTS"));

        as(Tokens.admin()).get("/api/v1/volunteers/" + v.id() + "/transactions").then()
                .body("items", hasSize(1));
        Api.adjust(v.pointsAccount(), "DEBIT", 50).statusCode(201);
        as(Tokens.admin()).get("/api/v1/volunteers/" + v.id() + "/balance").then()
                .body("points.available", equalTo(0));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void an_adjustment_needs_an_idempotency_key() {
        as(Tokens.admin()).body(Map.of("accountId", 1, "direction", "CREDIT", "amount", 1, "reason", "x"))
                .post("/api/v1/ledger/adjustments").then().statusCode(400)
                .body("code", equalTo("IDEMPOTENCY_KEY_REQUIRED"));
    }
}
