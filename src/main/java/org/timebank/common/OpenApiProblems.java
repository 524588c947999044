package org.timebank.common;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents what {@link ProblemMappers} does for every API call: each operation under /api/v1
 * gets the problem responses any call can meet (400, 401, 403, 500), and every error response
 * (4xx, 5xx) is {@code application/problem+json} with the {@code Problem} schema. Registered
 * with {@code mp.openapi.filter}. Responses are sorted by status so the committed document is
 * stable.
 */
public class OpenApiProblems implements OASFilter {
    static final String API_PREFIX = "/api/v1/";
    static final String SCHEMA = "Problem";
    static final String SCHEMA_REF = "#/components/schemas/" + SCHEMA;

    /** A problem response every API operation can give, with the example it shows. */
    private record Standard(String status, String description, String exampleName, Map<String, Object> example) {}

    private static final List<Standard> STANDARD = List.of(
            new Standard("400", "Bad input; `code` says what: VALIDATION_FAILED (with the fields in `errors`), "
                    + "MALFORMED_JSON, UNKNOWN_FIELD, DUPLICATE_FIELD, INVALID_FIELD_TYPE, MISSING_BODY, INVALID_LIMIT, INVALID_CURSOR, "
                    + "IDEMPOTENCY_KEY_REQUIRED, IDEMPOTENCY_KEY_INVALID, INVALID_TEXT",
                    "ValidationFailed", example(400, "VALIDATION_FAILED", "/api/v1/ledger/adjustments",
                            List.of(error("amount", "FIELD_TOO_SMALL", "“amount”须大于 0")), "amount")),
            new Standard("401", "UNAUTHENTICATED: no bearer token, or one that is invalid or expired",
                    "Unauthenticated", example(401, "UNAUTHENTICATED", "/api/v1/volunteers/1001/balance", List.of())),
            new Standard("403", "FORBIDDEN: the token's groups do not allow this operation",
                    "Forbidden", example(403, "FORBIDDEN", "/api/v1/ledger/trial-balance", List.of())),
            new Standard("500", "INTERNAL_ERROR: an unexpected failure; nothing is revealed beyond the code",
                    "InternalError", example(500, "INTERNAL_ERROR", "/api/v1/regions", List.of())));

    /**
     * What Quarkus writes into the 400, 401 and 403 responses it adds by itself; replaced by the
     * descriptions above, while a description written on the resource is kept.
     */
    private static final Set<String> GENERIC_DESCRIPTIONS = Set.of("Bad Request", "Not Authorized", "Not Allowed");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null || components.getSchemas() == null || !components.getSchemas().containsKey(SCHEMA)) {
            // the record is annotated @Schema(name = "Problem"); without it every reference below would dangle
            throw new IllegalStateException("the OpenAPI components lack the " + SCHEMA + " schema of " + Problem.class);
        }
        Map<String, Example> examples = new TreeMap<>(components.getExamples() == null ? Map.of() : components.getExamples());
        for (Standard s : STANDARD) {
            examples.put(s.exampleName(), OASFactory.createExample()
                    .summary(s.example().get("code") + " (" + s.status() + ")")
                    .value(s.example()));
        }
        components.setExamples(examples);

        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : new TreeMap<>(openAPI.getPaths().getPathItems()).entrySet()) {
            if (!path.getKey().startsWith(API_PREFIX) || path.getValue().getOperations() == null) {
                continue;
            }
            path.getValue().getOperations().values().forEach(o -> addProblems(path.getKey(), o));
        }
    }

    private static void addProblems(String path, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        Map<String, APIResponse> byStatus = new TreeMap<>(
                responses.getAPIResponses() == null ? Map.of() : responses.getAPIResponses());
        if (path.contains("{")) {
            byStatus.putIfAbsent("404", OASFactory.createAPIResponse().description(
                    "The resource does not exist, or is not the caller's to see (REGION_NOT_FOUND, "
                            + "VOLUNTEER_NOT_FOUND, ACCOUNT_NOT_FOUND, TRANSACTION_NOT_FOUND; NOT_FOUND for an unknown path)"));
        }
        boolean idempotent = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> Idempotency.HEADER.equalsIgnoreCase(p.getName()));
        if (idempotent) {
            mention(byStatus, "409", "IDEMPOTENCY_KEY_IN_USE: a call with the same Idempotency-Key is still running");
            mention(byStatus, "422", "IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was used for a different request");
        }
        for (Standard s : STANDARD) {
            APIResponse response = byStatus.get(s.status());
            if (response == null) {
                byStatus.put(s.status(), OASFactory.createAPIResponse().description(s.description())
                        .content(problemContent(s.exampleName())));
            } else if (isEmpty(response.getContent())) {
                if (response.getDescription() == null || GENERIC_DESCRIPTIONS.contains(response.getDescription())) {
                    response.setDescription(s.description());
                }
                response.setContent(problemContent(s.exampleName()));
            }
        }
        byStatus.forEach((status, response) -> {
            if ((status.startsWith("4") || status.startsWith("5")) && isEmpty(response.getContent())
                    && response.getRef() == null) {
                response.setContent(problemContent(null));
            }
        });
        responses.setAPIResponses(new LinkedHashMap<>(byStatus));
    }

    /** Adds a line to a response's description, creating the response if the operation has none. */
    private static void mention(Map<String, APIResponse> byStatus, String status, String line) {
        APIResponse response = byStatus.get(status);
        if (response == null) {
            byStatus.put(status, OASFactory.createAPIResponse().description(line));
        } else if (response.getDescription() == null || !response.getDescription().contains(line)) {
            response.setDescription(response.getDescription() == null ? line : response.getDescription() + "; " + line);
        }
    }

    private static Content problemContent(String exampleName) {
        var media = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA_REF));
        if (exampleName != null) {
            media.addExample(exampleName, OASFactory.createExample().ref("#/components/examples/" + exampleName));
        }
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
    }

    private static boolean isEmpty(Content content) {
        return content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty();
    }

    /** A problem as {@link ProblemMappers} writes it, with the detail from the zh-CN message bundle. */
    private static Map<String, Object> example(int status, String code, String instance, List<Map<String, Object>> errors,
                                               Object... args) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:timebank:problem:" + code);
        problem.put("title", Response.Status.fromStatusCode(status).getReasonPhrase());
        problem.put("status", status);
        problem.put("code", code);
        problem.put("detail", Messages.format(Messages.CHINESE, code, args));
        problem.put("instance", instance);
        if (!errors.isEmpty()) {
            problem.put("errors", errors);
        }
        return problem;
    }

    private static Map<String, Object> error(String field, String code, String detail) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("code", code);
        error.put("detail", detail);
        return error;
    }
}
