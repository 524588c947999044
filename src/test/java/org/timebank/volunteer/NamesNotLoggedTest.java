package org.timebank.volunteer;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.timebank.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.timebank.support.Api;
import org.timebank.support.LoggingRoute;
import org.timebank.support.Tokens;

/**
 * Names are personal data: whatever happens to a request that carries one (accepted, refused by
 * validation, by a unique index, by the database itself), no log line of the service carries it.
 */
@QuarkusTest
class NamesNotLoggedTest {

    /** Every record logged while it is installed, with its parameters and stack traces, as text. */
    static final class Capture extends Handler {
        final List<String> lines = new ArrayList<>();

        @Override
        public synchronized void publish(LogRecord r) {
            StringBuilder line = new StringBuilder(r.getLoggerName() + " " + r.getLevel() + " " + r.getMessage());
            if (r.getParameters() != null) {
                for (Object p : r.getParameters()) {
                    line.append(" | ").append(p);
                }
            }
            if (r.getThrown() != null) {
                StringWriter trace = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(trace));
                line.append('\n').append(trace);
            }
            lines.add(line.toString());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    @Test
    void no_log_line_carries_a_volunteer_s_name_whatever_becomes_of_the_request() {
        Api.Tree t = Api.tree();
        long nextDoor = Api.region(Api.unique("社区"), "COMMUNITY", t.street());
        String name = "诸葛" + Api.unique("亮").replace("-", "");
        String phone = Api.phone();
        Capture capture = new Capture();
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            long id = as(Tokens.admin()).body(Map.of("name", name, "phone", phone, "homeCommunityId", t.community()))
                    .post("/api/v1/volunteers").then().statusCode(201).extract().jsonPath().getLong("id");
            // refused by the unique phone index, by validation, by the database (a NUL it cannot store)
            as(Tokens.admin()).body(Map.of("name", name, "phone", phone, "homeCommunityId", t.community()))
                    .post("/api/v1/volunteers").then().statusCode(409);
            as(Tokens.admin()).body(Map.of("name", name + "长".repeat(50), "phone", Api.phone(),
                    "homeCommunityId", t.community())).post("/api/v1/volunteers").then().statusCode(400);
            as(Tokens.admin()).body(Map.of("name", name + "\u0000", "phone", Api.phone(),
                    "homeCommunityId", t.community())).post("/api/v1/volunteers").then().statusCode(400);
            as(Tokens.staff("names-staff", t.street())).body(Map.of("namePrefix", name))
                    .post("/api/v1/volunteers/search").then().statusCode(200);
            as(Tokens.staff("names-staff", t.street())).body(Map.of("namePrefix", name, "phone", phone))
                    .post("/api/v1/volunteers/search").then().statusCode(400);
            as(Tokens.staff("names-staff", t.street())).body(Map.of("namePrefix", name + "\u0000"))
                    .post("/api/v1/volunteers/search").then().statusCode(400);
            as(Tokens.volunteer(id)).get("/api/v1/me").then().statusCode(200);
            as(Tokens.staff("names-staff", t.street())).body(Map.of("toCommunityId", nextDoor))
                    .post("/api/v1/volunteers/" + id + "/moves").then().statusCode(201);
            as(Tokens.admin()).queryParam("regionId", t.city()).get("/api/v1/leaderboards").then().statusCode(200);
            // the capture does see what the service logs
            given().get(LoggingRoute.PATH).then().statusCode(200);
        } finally {
            root.removeHandler(capture);
        }
        assertTrue(capture.lines.stream().anyMatch(l -> l.contains("a line logged while serving a request")),
                () -> String.join("\n", capture.lines));
        assertEquals(List.of(), capture.lines.stream().filter(l -> l.contains(name)).toList());
    }
}
