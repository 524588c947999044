package org.timebank.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed openapi/openapi.yaml is the contract the mini-programs are written against: it must
 * be exactly what the service serves. {@code ./mvnw verify -Dopenapi.update=true} rewrites it.
 */
@QuarkusTest
class OpenApiDocumentTest {
    static final Path COMMITTED = Path.of("openapi", "openapi.yaml");
    static final String UPDATE_PROPERTY = "openapi.update";
    static final String PROBLEM_REF = "#/components/schemas/Problem";

    /** The paths of api-outline.md that this service already serves. */
    static final List<String> OUTLINED_PATHS = List.of(
            "/api/v1/regions",
            "/api/v1/regions/{id}",
            "/api/v1/regions/{id}/children",
            "/api/v1/volunteers",
            "/api/v1/volunteers/{id}",
            "/api/v1/volunteers/{id}/balance",
            "/api/v1/volunteers/{id}/transactions",
            "/api/v1/ledger/adjustments",
            "/api/v1/ledger/imports",
            "/api/v1/ledger/accounts/{id}",
            "/api/v1/ledger/transactions/{id}",
            "/api/v1/ledger/trial-balance",
            "/api/v1/ledger/verification");

    @Test
    void the_committed_openapi_yaml_is_the_document_the_service_serves() throws IOException {
        String served = normalized(given().queryParam("format", "yaml").get("/q/openapi")
                .then().statusCode(200).extract().asString());
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
            return;
        }
        String hint = "Run `./mvnw verify -Dopenapi.update=true` to rewrite " + COMMITTED
                + " from the served document, review the diff and commit it.";
        if (!Files.exists(COMMITTED)) {
            fail(COMMITTED.toAbsolutePath() + " is missing. " + hint);
        }
        String committed = normalized(Files.readString(COMMITTED, StandardCharsets.UTF_8));
        if (!committed.equals(served)) {
            fail(COMMITTED + " differs from the document served at /q/openapi ("
                    + firstDifference(committed, served) + "). " + hint);
        }
    }

    @Test
    void the_bearer_security_scheme_is_declared() {
        JsonPath doc = document();
        Map<String, Object> bearer = doc.getMap("components.securitySchemes.bearer");
        assertNotNull(bearer, "components.securitySchemes.bearer is missing");
        assertEquals("http", bearer.get("type"));
        assertEquals("bearer", bearer.get("scheme"));
    }

    @Test
    void every_outlined_path_of_this_issue_is_documented() {
        Map<String, Object> paths = document().getMap("paths");
        List<String> missing = OUTLINED_PATHS.stream().filter(p -> !paths.containsKey(p)).toList();
        assertTrue(missing.isEmpty(), () -> "paths missing from the OpenAPI document: " + missing);
    }

    @Test
    void every_api_operation_has_a_unique_readable_operation_id() {
        List<String> wrong = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        forEachApiOperation(document(), (name, operation) -> {
            Object id = operation.get("operationId");
            if (!(id instanceof String s) || !s.matches("[a-z][a-zA-Z0-9]{2,60}")) {
                wrong.add(name + " has no camelCase operationId: " + id);
            } else if (!seen.add(s)) {
                wrong.add(name + " repeats the operationId " + s);
            }
        });
        assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
    }

    @Test
    void every_api_operation_documents_its_success_with_what_it_answers() {
        List<String> without = new ArrayList<>();
        forEachApiOperation(document(), (name, operation) -> {
            Map<String, Map<String, Object>> responses = cast(operation.get("responses"));
            boolean documented = responses.entrySet().stream().anyMatch(r -> r.getKey().startsWith("2")
                    && (r.getKey().equals("204") || r.getValue().get("content") != null));
            if (!documented) {
                without.add(name);
            }
        });
        assertTrue(without.isEmpty(), () -> "operations without a documented 2xx body: " + without);
    }

    @Test
    void every_object_a_response_carries_lists_the_properties_it_always_has() {
        JsonPath doc = document();
        Map<String, Map<String, Object>> schemas = doc.getMap("components.schemas");
        java.util.Deque<Object> todo = new java.util.ArrayDeque<>();
        forEachApiOperation(doc, (name, operation) -> {
            Map<String, Map<String, Object>> responses = cast(operation.get("responses"));
            responses.forEach((status, response) -> {
                if (status.startsWith("2") && response.get("content") != null) {
                    Map<String, Map<String, Object>> content = cast(response.get("content"));
                    content.values().forEach(media -> todo.add(media.get("schema")));
                }
            });
        });
        java.util.Set<String> seen = new java.util.TreeSet<>();
        List<String> without = new ArrayList<>();
        while (!todo.isEmpty()) {
            Object next = todo.pop();
            if (!(next instanceof Map<?, ?> schema)) {
                continue;
            }
            if (schema.get("$ref") instanceof String ref && ref.startsWith("#/components/schemas/")) {
                String name = ref.substring("#/components/schemas/".length());
                if (seen.add(name)) {
                    Map<String, Object> target = schemas.get(name);
                    if (target.get("properties") != null && !(target.get("required") instanceof List<?> r && !r.isEmpty())) {
                        without.add(name);
                    }
                    todo.add(target);
                }
            }
            if (schema.get("items") != null) {
                todo.add(schema.get("items"));
            }
            if (schema.get("properties") instanceof Map<?, ?> properties) {
                todo.addAll(properties.values());
            }
        }
        assertTrue(seen.size() > 20, "only " + seen.size() + " response schemas found");
        assertTrue(without.isEmpty(), () -> "response schemas without required properties: " + without
                + " (add their record's class to org.timebank.openapi.RequiredProperties.VIEWS)");
    }

    @Test
    void every_api_operation_has_a_summary() {
        List<String> without = new ArrayList<>();
        forEachApiOperation(document(), (name, operation) -> {
            Object summary = operation.get("summary");
            if (!(summary instanceof String s) || s.isBlank()) {
                without.add(name);
            }
        });
        assertTrue(without.isEmpty(), () -> "operations without a summary: " + without);
    }

    @Test
    void every_api_operation_answers_errors_as_problem_documents() {
        JsonPath doc = document();
        assertNotNull(doc.getMap("components.schemas.Problem"), "components.schemas.Problem is missing");
        List<String> wrong = new ArrayList<>();
        forEachApiOperation(doc, (name, operation) -> {
            Map<String, Map<String, Object>> responses = cast(operation.get("responses"));
            for (String status : List.of("400", "401", "403", "500")) {
                if (!responses.containsKey(status)) {
                    wrong.add(name + " lacks " + status);
                }
            }
            responses.forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    Map<String, Map<String, Object>> content = cast(response.get("content"));
                    Map<String, Object> problem = content == null ? null : content.get(Problem.MEDIA_TYPE);
                    Map<String, Object> schema = problem == null ? null : cast(problem.get("schema"));
                    if (schema == null || !PROBLEM_REF.equals(schema.get("$ref"))) {
                        wrong.add(name + " " + status + " is not " + Problem.MEDIA_TYPE + " with " + PROBLEM_REF);
                    }
                }
            });
        });
        assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
    }

    private static JsonPath document() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    private interface OperationVisitor {
        void visit(String name, Map<String, Object> operation);
    }

    private static void forEachApiOperation(JsonPath doc, OperationVisitor visitor) {
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        int seen = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/v1")) {
                continue;
            }
            for (var item : path.getValue().entrySet()) {
                if (List.of("get", "put", "post", "delete", "patch", "head", "options", "trace").contains(item.getKey())) {
                    visitor.visit(item.getKey().toUpperCase() + " " + path.getKey(), cast(item.getValue()));
                    seen++;
                }
            }
        }
        assertTrue(seen > 0, "no operation under /api/v1");
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }

    /** Line endings may change on checkout (core.autocrlf); the content may not. */
    private static String normalized(String text) {
        return text.replace("\r\n", "\n");
    }

    private static String firstDifference(String expected, String actual) {
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String left = i < a.length ? a[i] : "<end of file>";
            String right = i < b.length ? b[i] : "<end of file>";
            if (!left.equals(right)) {
                return "first difference at line " + (i + 1) + ": committed `" + left.strip() + "`, served `"
                        + right.strip() + "`";
            }
        }
        return "they differ";
    }
}
