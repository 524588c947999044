package org.timebank.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.timebank.support.Api;
import org.timebank.support.Problems;
import org.timebank.support.Tokens;

/**
 * Hostile input on every operation the service documents, found from its own OpenAPI document so
 * that a new operation is covered the day it is added: duplicate JSON keys, empty idempotency keys,
 * and requests the transport refuses. Every refusal is a problem document with a stable code.
 */
@QuarkusTest
class HostileInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");

    @TestHTTPResource("/")
    URL root;

    /** An operation of the document: its method, path with ids filled in, and its description. */
    record Operation(String method, String path, JsonNode spec) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }

        JsonNode jsonBodySchema(JsonNode doc) {
            JsonNode schema = spec.path("requestBody").path("content").path("application/json").path("schema");
            return schema.isMissingNode() ? null : resolve(doc, schema);
        }

        boolean takesIdempotencyKey() {
            for (JsonNode p : spec.path("parameters")) {
                if ("header".equals(p.path("in").asText()) && Idempotency.HEADER.equalsIgnoreCase(p.path("name").asText())) {
                    return true;
                }
            }
            return false;
        }
    }

    private static JsonNode document() {
        try {
            return JSON.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                    .extract().asString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Operation> operations(JsonNode doc) {
        List<Operation> all = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            String concrete = path.getKey().replaceAll("\\{[^}]+}", "1");
            path.getValue().fields().forEachRemaining(m -> all.add(new Operation(m.getKey(), concrete, m.getValue())));
        }
        return all;
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        while (schema.has("$ref")) {
            String[] parts = schema.get("$ref").asText().replaceFirst("^#/", "").split("/");
            JsonNode target = doc;
            for (String part : parts) {
                target = target.path(part);
            }
            schema = target;
        }
        if (schema.has("allOf") && schema.get("allOf").size() == 1) {
            return resolve(doc, schema.get("allOf").get(0));
        }
        return schema;
    }

    /** A value of the property's type that its JSON reader accepts, so that only the duplicate is wrong. */
    private static JsonNode sample(JsonNode doc, JsonNode property) {
        JsonNode p = resolve(doc, property);
        if (p.has("enum")) {
            return p.get("enum").get(0);
        }
        String type = p.path("type").asText("object");
        String format = p.path("format").asText("");
        return switch (type) {
            case "integer", "number" -> NODES.numberNode(1);
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> NODES.arrayNode();
            case "string" -> switch (format) {
                case "date-time" -> NODES.textNode("2026-11-30T10:00:00+08:00");
                case "date" -> NODES.textNode("2026-11-30");
                default -> NODES.textNode("x");
            };
            default -> NODES.objectNode();
        };
    }

    /** Everybody at once: whichever role an operation wants, it is not the caller's role that refuses. */
    private static String everyRole() {
        return Tokens.token("hostile-tester", Set.of("volunteer", "staff", "shop", "admin"), List.of(1L), "1");
    }

    // ---- duplicate keys -------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> a_field_given_twice_is_a_400_DUPLICATE_FIELD_on_every_operation_with_a_json_body() {
        JsonNode doc = document();
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation op : operations(doc)) {
            JsonNode schema = op.jsonBodySchema(doc);
            if (schema == null) {
                continue;
            }
            boolean list = "array".equals(schema.path("type").asText());
            JsonNode object = list ? resolve(doc, schema.path("items")) : schema;
            Iterator<Map.Entry<String, JsonNode>> properties = object.path("properties").fields();
            if (!properties.hasNext()) {
                continue;
            }
            Map.Entry<String, JsonNode> first = properties.next();
            String field = first.getKey();
            String value = sample(doc, first.getValue()).toString();
            String twice = "{\"" + field + "\":" + value + ",\"" + field + "\":" + value + "}";
            String body = list ? "[" + twice + "]" : twice;
            tests.add(DynamicTest.dynamicTest(op.toString(), () -> {
                Response response = given().auth().oauth2(everyRole()).contentType("application/json")
                        .header(Idempotency.HEADER, Api.key()).body(body).request(op.method(), op.path());
                Problems.assertProblem(response, 400, "DUPLICATE_FIELD")
                        .body("errors[0].field", equalTo(field))
                        .body("errors[0].code", equalTo("DUPLICATE_FIELD"));
            }));
        }
        assertTrue(tests.size() >= 24, "the document lists " + tests.size() + " operations with a JSON body");
        return tests.stream();
    }

    @Test
    void a_field_given_twice_in_a_nested_object_is_refused_too() {
        long community = Api.tree().community();
        String body = "{\"name\":\"重复\",\"phone\":\"" + Api.phone() + "\",\"homeCommunityId\":" + community
                + ",\"homeCommunityId\":" + community + "}";
        Problems.assertProblem(given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .header("Accept-Language", "en").body(body).post("/api/v1/volunteers"), 400, "DUPLICATE_FIELD")
                .body("detail", equalTo("Field \"homeCommunityId\" is given more than once"));
    }

    // ---- empty idempotency keys -----------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> an_empty_or_blank_idempotency_key_is_a_400_IDEMPOTENCY_KEY_INVALID_on_every_write() {
        JsonNode doc = document();
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation op : operations(doc)) {
            if (!WRITES.contains(op.method()) || !op.takesIdempotencyKey()) {
                continue;
            }
            for (String key : List.of("", " ", "\t")) {
                tests.add(DynamicTest.dynamicTest(op + " with key [" + key + "]", () -> {
                    Response response = given().auth().oauth2(everyRole()).contentType("application/json")
                            .header(Idempotency.HEADER, key).body("{}").request(op.method(), op.path());
                    Problems.assertProblem(response, 400, "IDEMPOTENCY_KEY_INVALID");
                }));
            }
        }
        assertTrue(tests.size() >= 3 * 25, "the document lists " + tests.size() / 3 + " writes with a key");
        return tests.stream();
    }

    @Test
    void two_identical_calls_with_an_empty_key_create_nothing() {
        long community = Api.tree().community();
        String staff = Tokens.staff("staff-empty-key", community);
        String body = "{\"title\":\"" + Api.unique("空键活动") + "\",\"communityId\":" + community
                + ",\"category\":\"DEFAULT\",\"capacity\":10,\"startsAt\":\"2030-01-01T09:00:00+08:00\",\"endsAt\":\"2030-01-01T11:00:00+08:00\"}";
        for (int i = 0; i < 2; i++) {
            Problems.assertProblem(given().auth().oauth2(staff).contentType("application/json")
                    .header(Idempotency.HEADER, "").body(body).post("/api/v1/activities"), 400, "IDEMPOTENCY_KEY_INVALID");
        }
        given().auth().oauth2(staff).queryParam("regionId", community).get("/api/v1/activities")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    // ---- what the transport refuses -------------------------------------------------------------

    /** Sends raw bytes and reads the whole answer: clients in the wild do not all behave. */
    private String raw(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                try {
                    out.write(body);
                } catch (IOException refusedBeforeTheEnd) {
                    // the server may answer and close before the whole body is sent
                }
            }
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                }
            } catch (IOException resetAfterTheAnswer) {
                // a reset after the answer arrived
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static void assertProblemAnswer(String answer, int status, String code) {
        assertTrue(answer.startsWith("HTTP/1.1 " + status + " "), () -> "expected " + status + ":\n" + head(answer));
        assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"),
                () -> "not a problem document:\n" + head(answer));
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        try {
            JsonNode problem = JSON.readTree(body);
            assertEquals(code, problem.path("code").asText(), body);
            assertEquals(status, problem.path("status").asInt(), body);
            assertFalse(problem.path("detail").asText().isBlank(), body);
        } catch (IOException e) {
            throw new AssertionError("the body is not JSON: " + body, e);
        }
    }

    private static String head(String answer) {
        return answer.length() > 600 ? answer.substring(0, 600) : answer;
    }

    @Test
    void a_body_over_the_transport_limit_is_a_413_problem_before_it_is_read() throws IOException {
        String head = "POST /api/v1/ledger/imports HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Tokens.admin()
                + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + (5L * 1024 * 1024) + "\r\n\r\n";
        assertProblemAnswer(raw(head, null), 413, "BODY_TOO_LARGE");
    }

    @TestFactory
    Stream<DynamicTest> a_json_body_over_the_transport_limit_is_a_413_problem_on_every_operation_with_a_body() {
        JsonNode doc = document();
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation op : operations(doc)) {
            if (op.spec().path("requestBody").isMissingNode()) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(op.toString(), () -> {
                String head = op.method().toUpperCase() + " " + op.path() + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + everyRole() + "\r\nContent-Type: application/json\r\n"
                        + "Idempotency-Key: " + Api.key() + "\r\nContent-Length: " + (4L * 1024 * 1024 + 1) + "\r\n\r\n";
                assertProblemAnswer(raw(head, "{".getBytes(StandardCharsets.UTF_8)), 413, "BODY_TOO_LARGE");
            }));
        }
        assertTrue(tests.size() >= 25, "the document lists " + tests.size() + " operations with a body");
        return tests.stream();
    }

    @Test
    void a_chunked_body_over_the_transport_limit_is_a_413_problem() throws IOException {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        for (int i = 0; i < 80; i++) {
            chunks.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            chunks.write(chunk);
            chunks.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        chunks.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        String head = "POST /api/v1/ledger/adjustments HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + Tokens.admin() + "\r\nContent-Type: application/json\r\nIdempotency-Key: " + Api.key()
                + "\r\nTransfer-Encoding: chunked\r\n\r\n";
        assertProblemAnswer(raw(head, chunks.toByteArray()), 413, "BODY_TOO_LARGE");
    }

    @Test
    void a_request_line_over_the_limit_is_a_414_problem() throws IOException {
        String head = "GET /api/v1/regions/1?pad=" + "a".repeat(5000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
        assertProblemAnswer(raw(head, null), 414, "URI_TOO_LONG");
    }

    @Test
    void headers_over_the_limit_are_a_431_problem() throws IOException {
        String head = "GET /api/v1/regions/1 HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "a".repeat(30_000)
                + "\r\n\r\n";
        assertProblemAnswer(raw(head, null), 431, "HEADERS_TOO_LARGE");
    }

    @Test
    void a_method_the_path_does_not_take_is_a_405_problem() {
        Problems.assertProblem(given().auth().oauth2(Tokens.admin()).delete("/api/v1/ledger/trial-balance"),
                405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void an_unacceptable_response_type_is_a_406_problem() {
        Problems.assertProblem(given().auth().oauth2(Tokens.admin()).accept("image/png")
                .get("/api/v1/ledger/trial-balance"), 406, "NOT_ACCEPTABLE");
    }

    @Test
    void an_unsupported_body_type_is_a_415_problem() {
        Problems.assertProblem(given().auth().oauth2(Tokens.admin()).contentType("application/xml")
                .header(Idempotency.HEADER, Api.key()).body("<a/>").post("/api/v1/ledger/adjustments"),
                415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void an_unknown_path_is_a_404_problem() {
        Problems.assertProblem(given().auth().oauth2(Tokens.admin()).get("/api/v1/no-such-thing"), 404, "NOT_FOUND");
    }

}
