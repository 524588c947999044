package org.timebank.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.timebank.support.LoggingRoute;
import org.timebank.support.Tokens;

@QuarkusTest
class RequestIdTest {
    private static final String UUID_SHAPE = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @Test
    void a_sane_request_id_from_the_caller_comes_back_unchanged() {
        given().header("X-Request-Id", "edge-7f3a.42:b_9").auth().oauth2(Tokens.admin())
                .get("/api/v1/regions").then().statusCode(200).header("X-Request-Id", equalTo("edge-7f3a.42:b_9"));
    }

    @Test
    void a_request_without_one_gets_a_new_uuid_each_time() {
        String first = given().get("/q/health/live").then().statusCode(200).extract().header("X-Request-Id");
        String second = given().get("/q/health/live").then().statusCode(200).extract().header("X-Request-Id");
        assertTrue(first.matches(UUID_SHAPE), first);
        assertNotEquals(first, second);
    }

    @Test
    void an_id_that_could_break_a_log_line_or_is_too_long_is_replaced() {
        for (String offered : new String[] {"a b", "x\"y", "{json}", "id\u0007", "x".repeat(65), ""}) {
            String echoed = given().header("X-Request-Id", offered).get("/q/health/live").then().statusCode(200)
                    .extract().header("X-Request-Id");
            assertTrue(echoed.matches(UUID_SHAPE), offered + " -> " + echoed);
        }
    }

    @Test
    void a_refused_request_carries_its_id_too() {
        given().header("X-Request-Id", "refused-1").get("/api/v1/regions").then().statusCode(401)
                .header("X-Request-Id", equalTo("refused-1"));
        String id = UUID.randomUUID().toString();
        given().header("X-Request-Id", id).auth().oauth2(Tokens.admin()).get("/api/v1/regions/999999999").then()
                .statusCode(404).header("X-Request-Id", equalTo(id));
    }

    @Test
    void a_line_logged_while_serving_a_request_carries_its_id() {
        List<String> ids = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext && LoggingRoute.class.getName().equals(ext.getLoggerName())) {
                    ids.add(String.valueOf(ext.getMdc(RequestIds.MDC_KEY)));
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            given().header("X-Request-Id", "logged-1").get(LoggingRoute.PATH).then().statusCode(200);
        } finally {
            root.removeHandler(capture);
        }
        assertEquals(List.of("logged-1"), ids);
    }
}
