package org.timebank.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.timebank.support.Api;
import org.timebank.support.Problems;
import org.timebank.support.TcpProxy;
import org.timebank.support.Tokens;

/**
 * While PostgreSQL is down, the service says so: 503 SERVICE_UNAVAILABLE with Retry-After, never a
 * 500 that a client would take for a bug; readiness goes 503; and it recovers by itself when the
 * database is back. The database sits behind a relay the test cuts.
 */
@QuarkusTest
@QuarkusTestResource(value = DatabaseOutageTest.Relay.class, restrictToAnnotatedClass = true)
class DatabaseOutageTest {
    static TcpProxy proxy;

    /** Starts the relay and points the service at it, in a schema of this test's own. */
    public static class Relay implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try {
                proxy = new TcpProxy("127.0.0.1", 5432);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String schema = System.getenv().getOrDefault("TEST_SCHEMA", "timebank_test") + "_outage";
            return Map.of(
                    "quarkus.datasource.jdbc.url",
                    "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/test?currentSchema=" + schema
                            + "&connectTimeout=2&socketTimeout=10",
                    "quarkus.flyway.schemas", schema,
                    "quarkus.datasource.jdbc.acquisition-timeout", "2S");
        }

        @Override
        public void stop() {
            try {
                proxy.close();
            } catch (IOException ignored) {
                // the test is over
            }
        }
    }

    @AfterEach
    void databaseIsBack() throws IOException {
        proxy.restore();
        untilUp(() -> given().auth().oauth2(Tokens.admin()).get("/api/v1/ledger/trial-balance"));
    }

    private static void assertUnavailable(Response response) {
        Problems.assertProblem(response, 503, "SERVICE_UNAVAILABLE").header("Retry-After", notNullValue());
    }

    /**
     * Pooled connections that died with the outage are dropped on their first use, each answering
     * one more 503; a client that honours Retry-After gets through. At most a pool's worth of tries.
     */
    private static void untilUp(java.util.function.Supplier<Response> request) {
        for (int i = 0; i < 25; i++) {
            Response r = request.get();
            if (r.statusCode() != 503) {
                r.then().statusCode(200);
                return;
            }
            assertUnavailable(r);
        }
        throw new AssertionError("the service did not recover after the database came back");
    }

    @Test
    void a_read_while_the_database_is_down_is_a_503_with_retry_after_and_the_service_recovers() throws IOException {
        Api.Volunteer v = Api.volunteer(Api.tree().community());
        String balance = "/api/v1/volunteers/" + v.id() + "/balance";
        given().auth().oauth2(Tokens.admin()).get(balance).then().statusCode(200);

        proxy.cut();
        assertUnavailable(given().auth().oauth2(Tokens.admin()).get(balance));
        assertUnavailable(given().auth().oauth2(Tokens.admin()).get("/api/v1/ledger/trial-balance"));
        given().get("/q/health/ready").then().statusCode(503);

        proxy.restore();
        untilUp(() -> given().auth().oauth2(Tokens.admin()).get(balance));
        given().auth().oauth2(Tokens.admin()).get(balance).then().statusCode(200).body("volunteerId", equalTo((int) v.id()));
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void a_write_while_the_database_is_down_is_a_503_and_a_retry_with_the_same_key_applies_once() throws IOException {
        Api.Tree tree = Api.tree();
        Api.Volunteer v = Api.volunteer(tree.community());
        String key = Api.key();
        String body = "{\"accountId\":" + v.pointsAccount() + ",\"direction\":\"CREDIT\",\"amount\":7,\"reason\":\"outage\"}";

        proxy.cut();
        assertUnavailable(given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .header(Idempotency.HEADER, key).body(body).post("/api/v1/ledger/adjustments"));
        proxy.restore();
        untilUp(() -> given().auth().oauth2(Tokens.admin()).get("/api/v1/ledger/trial-balance"));

        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(Tokens.admin()).contentType("application/json")
                    .header(Idempotency.HEADER, key).body(body).post("/api/v1/ledger/adjustments")
                    .then().statusCode(201);
        }
        given().auth().oauth2(Tokens.admin()).get("/api/v1/volunteers/" + v.id() + "/balance")
                .then().statusCode(200).body("points.available", equalTo(7));
    }
}
