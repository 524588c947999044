package org.timebank.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.timebank.support.Api;

@QuarkusTest
class OperationsTest {

    @Test
    void readiness_checks_the_database() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metrics_count_ledger_postings_and_failures_by_code() {
        Api.Volunteer v = Api.volunteer(Api.tree().community());
        Api.adjust(v.pointsAccount(), "CREDIT", 5).statusCode(201);
        Api.adjust(v.pointsAccount(), "DEBIT", 6).statusCode(422);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("timebank_ledger_transactions_total{kind=\"ADJUSTMENT\""))
                .body(containsString("timebank_ledger_postings_total"))
                .body(containsString("timebank_failures_total{code=\"INSUFFICIENT_POINTS\""));
    }
}
