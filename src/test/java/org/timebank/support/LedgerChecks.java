package org.timebank.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import org.timebank.ledger.LedgerHousekeeping;

/** The invariants that must hold after every scenario: trial balance zero, chain verifies. */
public final class LedgerChecks {
    private LedgerChecks() {}

    public static void assertLedgerSound(LedgerHousekeeping housekeeping) {
        JsonPath trial = Api.as(Tokens.admin()).get("/api/v1/ledger/trial-balance").then().statusCode(200)
                .extract().jsonPath();
        assertTrue(trial.getBoolean("balanced"), () -> "trial balance: " + trial.prettify());
        housekeeping.foldDeltas();
        JsonPath folded = Api.as(Tokens.admin()).get("/api/v1/ledger/trial-balance").then().statusCode(200)
                .extract().jsonPath();
        assertTrue(folded.getBoolean("balanced"), () -> "trial balance after folding: " + folded.prettify());
        housekeeping.seal();
        JsonPath chain = Api.as(Tokens.admin()).get("/api/v1/ledger/verification").then().statusCode(200)
                .extract().jsonPath();
        assertTrue(chain.getBoolean("valid"), () -> "verification: " + chain.prettify());
        assertEquals(0, chain.getLong("unsealedTransactions"), () -> "verification: " + chain.prettify());
    }
}
