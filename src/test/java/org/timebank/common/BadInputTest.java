package org.timebank.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.timebank.support.Api.as;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.timebank.support.Api;
import org.timebank.support.Footprint;
import org.timebank.support.Problems;
import org.timebank.support.Tokens;

/**
 * Bad input on every state-changing endpoint is refused with a 4xx problem document and a stable
 * code, in the caller's language, and leaves no trace: the trial balance's journal totals, the
 * volunteer's history and the row counts are the same after the refusal as before. Never a 500.
 */
@QuarkusTest
class BadInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ABSENT = "<absent>";
    private static final String CSV_HEADER = "volunteer_id,asset,amount,reference\n";
    private static final String HAN = "(?s).*\\p{IsHan}.*";

    @Inject
    AgroalDataSource db;

    /** A community with a volunteer holding 100 points, and the transaction that credited them. */
    record World(Api.Tree tree, Api.Volunteer volunteer, long credit) {}

    private static World world;

    private static synchronized World world() {
        if (world == null) {
            Api.Tree tree = Api.tree();
            Api.Volunteer v = Api.volunteer(tree.community());
            long credit = Api.adjust(v.pointsAccount(), "CREDIT", 100).statusCode(201).extract().jsonPath().getLong("id");
            world = new World(tree, v, credit);
        }
        return world;
    }

    /** The JSON endpoints that change state, each with a body it would accept. */
    enum Target {
        REGIONS("POST /api/v1/regions") {
            String path(World w) {
                return "/api/v1/regions";
            }

            ObjectNode validBody(World w) {
                return JSON.createObjectNode().put("name", Api.unique("区")).put("level", "DISTRICT")
                        .put("parentId", w.tree().city());
            }
        },
        VOLUNTEERS("POST /api/v1/volunteers") {
            String path(World w) {
                return "/api/v1/volunteers";
            }

            ObjectNode validBody(World w) {
                return JSON.createObjectNode().put("name", Api.unique("志愿者")).put("phone", Api.phone())
                        .put("homeCommunityId", w.tree().community());
            }
        },
        ADJUSTMENTS("POST /api/v1/ledger/adjustments") {
            String path(World w) {
                return "/api/v1/ledger/adjustments";
            }

            ObjectNode validBody(World w) {
                return JSON.createObjectNode().put("accountId", w.volunteer().pointsAccount()).put("direction", "CREDIT")
                        .put("amount", 10).put("reason", "bad input test");
            }
        },
        REVERSAL("POST /api/v1/ledger/transactions/{id}/reversal") {
            String path(World w) {
                return "/api/v1/ledger/transactions/" + w.credit() + "/reversal";
            }

            ObjectNode validBody(World w) {
                return JSON.createObjectNode().put("reason", "bad input test");
            }
        };

        private final String label;

        Target(String label) {
            this.label = label;
        }

        abstract String path(World w);

        abstract ObjectNode validBody(World w);

        @Override
        public String toString() {
            return label;
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Footprint footprint() {
        return Footprint.of(db, world().volunteer().id());
    }

    /** Sends the request, asserts the problem, and asserts that nothing was written. */
    private ValidatableResponse refused(int status, String code, Supplier<Response> request) {
        Footprint before = footprint();
        ValidatableResponse response = Problems.assertProblem(request.get(), status, code);
        assertEquals(before, footprint(), "a refused request must leave no trace");
        return response;
    }

    private static RequestSpecification admin(String contentType) {
        return given().auth().oauth2(Tokens.admin()).contentType(contentType).accept(ContentType.JSON);
    }

    /** POSTs the body to the target as an admin, with a fresh Idempotency-Key. */
    private static Response post(Target target, String body) {
        return post(target, body, "application/json", Api.key());
    }

    private static Response post(Target target, String body, String contentType, String key) {
        RequestSpecification request = admin(contentType);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.body(body).post(target.path(world()));
    }

    private static Response importCsv(String csv) {
        return admin("text/csv; charset=UTF-8").header("Idempotency-Key", Api.key()).body(csv)
                .post("/api/v1/ledger/imports");
    }

    private static String withField(ObjectNode body, String field, String json) {
        if (ABSENT.equals(json)) {
            body.remove(field);
        } else {
            try {
                body.set(field, JSON.readTree(json));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(json, e);
            }
        }
        return body.toString();
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    /** A resident ID number with a valid GB 11643 check character. */
    private static String validIdNumber() {
        String first17 = "1101051990" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        return first17 + checkCharacter(first17);
    }

    private static char checkCharacter(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    private static Stream<Arguments> eachTargetWith(Object... variants) {
        return Arrays.stream(Target.values()).flatMap(t -> Arrays.stream(variants).map(v -> Arguments.of(t, v)));
    }

    // ---- bodies that are not the JSON the endpoint reads ----------------------------------------

    /** Bodies that are not one JSON object: a label, then the text (VALID stands for an accepted body). */
    private static final List<List<String>> NOT_JSON = List.of(
            List.of("a lone opening brace", "{"),
            List.of("plain text", "hello"),
            List.of("a second document after the first", "VALID {}"),
            List.of("a JSON array where an object belongs", "[]"));

    static Stream<Arguments> bodiesThatAreNotOneJsonObject() {
        return eachTargetWith(NOT_JSON.stream().map(pair -> pair.get(0)).toArray());
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("bodiesThatAreNotOneJsonObject")
    void a_body_that_is_not_one_json_object_is_refused_as_malformed(Target target, String variant) {
        String text = NOT_JSON.stream().filter(pair -> pair.get(0).equals(variant)).findFirst().orElseThrow().get(1);
        String body = text.replace("VALID", target.validBody(world()).toString());

        refused(400, "MALFORMED_JSON", () -> post(target, body));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Target.class)
    void an_unknown_field_is_refused_and_named(Target target) {
        ObjectNode body = target.validBody(world()).put("nickname", "小明");

        refused(400, "UNKNOWN_FIELD", () -> post(target, body.toString()))
                .body("errors[0].field", equalTo("nickname"))
                .body("errors[0].code", equalTo("UNKNOWN_FIELD"))
                .body("detail", containsString("nickname"));
    }

    static Stream<Arguments> emptyBodies() {
        return eachTargetWith("", "null");
    }

    @ParameterizedTest(name = "{0} with body \"{1}\"")
    @MethodSource("emptyBodies")
    void an_empty_body_is_refused(Target target, String body) {
        refused(400, "MISSING_BODY", () -> post(target, body));
    }

    static Stream<Arguments> contentTypesOtherThanJson() {
        return eachTargetWith("text/plain", "application/xml");
    }

    @ParameterizedTest(name = "{0} sent as {1}")
    @MethodSource("contentTypesOtherThanJson")
    void a_body_that_is_not_declared_as_json_is_refused_as_unsupported(Target target, String contentType) {
        String body = target.validBody(world()).toString();

        refused(415, "UNSUPPORTED_MEDIA_TYPE", () -> post(target, body, contentType, Api.key()));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Target.class)
    void a_json_body_over_64_KiB_is_refused_before_it_is_read(Target target) {
        String body = target.validBody(world()).put("padding", "x".repeat(64 * 1024)).toString();

        refused(413, "BODY_TOO_LARGE", () -> post(target, body)).body("detail", containsString("65536"));
    }

    @Test
    void a_json_body_of_exactly_64_KiB_is_read_and_judged_on_its_content() {
        String prefix = "{\"level\":\"CITY\",\"name\":\"";
        String suffix = "\"}";
        String exact = prefix + "x".repeat(65536 - prefix.length() - suffix.length()) + suffix;
        String oneMore = prefix + "x".repeat(65537 - prefix.length() - suffix.length()) + suffix;

        refused(400, "VALIDATION_FAILED", () -> post(Target.REGIONS, exact)).body("errors[0].field", equalTo("name"));
        refused(413, "BODY_TOO_LARGE", () -> post(Target.REGIONS, oneMore));
    }

    // ---- fields of the wrong type or value ------------------------------------------------------

    /** One field of an otherwise accepted body set to a JSON value (or left out). */
    record FieldCase(Target target, String field, String json, String code) {
        @Override
        public String toString() {
            String shown = json.length() > 24 ? json.substring(0, 12) + "…(" + json.length() + " chars)" : json;
            return target + " with " + field + " = " + shown + " -> " + code;
        }
    }

    static Stream<FieldCase> fieldsOfTheWrongTypeOrValue() {
        String type = "INVALID_FIELD_TYPE";
        String invalid = "VALIDATION_FAILED";
        return Stream.of(
                new FieldCase(Target.REGIONS, "name", "123", type),
                new FieldCase(Target.REGIONS, "name", "true", type),
                new FieldCase(Target.REGIONS, "level", "\"VILLAGE\"", type),
                new FieldCase(Target.REGIONS, "level", "1", type),
                new FieldCase(Target.REGIONS, "level", "\"1\"", type),
                new FieldCase(Target.REGIONS, "parentId", "\"1\"", type),
                new FieldCase(Target.REGIONS, "name", ABSENT, invalid),
                new FieldCase(Target.REGIONS, "name", "\"   \"", invalid),
                new FieldCase(Target.REGIONS, "name", "\"\u3000\"", invalid),
                new FieldCase(Target.REGIONS, "name", quoted("区".repeat(101)), invalid),
                new FieldCase(Target.REGIONS, "level", ABSENT, invalid),
                new FieldCase(Target.REGIONS, "parentId", "0", invalid),
                new FieldCase(Target.REGIONS, "code", "\"has space\"", invalid),

                new FieldCase(Target.VOLUNTEERS, "name", "123", type),
                new FieldCase(Target.VOLUNTEERS, "phone", "13812345678", type),
                new FieldCase(Target.VOLUNTEERS, "homeCommunityId", "\"4\"", type),
                new FieldCase(Target.VOLUNTEERS, "name", ABSENT, invalid),
                new FieldCase(Target.VOLUNTEERS, "name", quoted("名".repeat(51)), invalid),
                new FieldCase(Target.VOLUNTEERS, "phone", ABSENT, invalid),
                new FieldCase(Target.VOLUNTEERS, "phone", quoted("1".repeat(21)), invalid),
                new FieldCase(Target.VOLUNTEERS, "idNumber", "\"12345\"", invalid),
                new FieldCase(Target.VOLUNTEERS, "homeCommunityId", ABSENT, invalid),
                new FieldCase(Target.VOLUNTEERS, "homeCommunityId", "0", invalid),

                new FieldCase(Target.ADJUSTMENTS, "amount", "\"100\"", type),
                new FieldCase(Target.ADJUSTMENTS, "amount", "1.5", type),
                new FieldCase(Target.ADJUSTMENTS, "amount", "10.0", type),
                new FieldCase(Target.ADJUSTMENTS, "amount", "true", type),
                new FieldCase(Target.ADJUSTMENTS, "amount", "99999999999999999999", type),
                new FieldCase(Target.ADJUSTMENTS, "accountId", "\"12\"", type),
                new FieldCase(Target.ADJUSTMENTS, "direction", "\"SIDEWAYS\"", type),
                new FieldCase(Target.ADJUSTMENTS, "direction", "\"credit\"", type),
                new FieldCase(Target.ADJUSTMENTS, "direction", "0", type),
                new FieldCase(Target.ADJUSTMENTS, "reason", "5", type),
                new FieldCase(Target.ADJUSTMENTS, "accountId", ABSENT, invalid),
                new FieldCase(Target.ADJUSTMENTS, "direction", ABSENT, invalid),
                new FieldCase(Target.ADJUSTMENTS, "amount", ABSENT, invalid),
                new FieldCase(Target.ADJUSTMENTS, "amount", "0", invalid),
                new FieldCase(Target.ADJUSTMENTS, "amount", "-5", invalid),
                new FieldCase(Target.ADJUSTMENTS, "amount", "1000000001", invalid),
                new FieldCase(Target.ADJUSTMENTS, "reason", ABSENT, invalid),
                new FieldCase(Target.ADJUSTMENTS, "reason", "\"   \"", invalid),
                new FieldCase(Target.ADJUSTMENTS, "reason", quoted("x".repeat(501)), invalid),

                new FieldCase(Target.REVERSAL, "reason", "5", type),
                new FieldCase(Target.REVERSAL, "reason", ABSENT, invalid),
                new FieldCase(Target.REVERSAL, "reason", "\"\"", invalid),
                new FieldCase(Target.REVERSAL, "reason", quoted("x".repeat(501)), invalid));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fieldsOfTheWrongTypeOrValue")
    void a_field_of_the_wrong_type_or_value_is_refused_and_named(FieldCase c) {
        String body = withField(c.target().validBody(world()), c.field(), c.json());

        ValidatableResponse response = refused(400, c.code(), () -> post(c.target(), body))
                .body("detail", containsString(c.field()));
        if (c.code().equals("VALIDATION_FAILED")) {
            // the one bad field, and only it
            response.body("errors.field", equalTo(List.of(c.field())));
        } else {
            response.body("errors[0].field", equalTo(c.field())).body("errors[0].code", equalTo(c.code()));
        }
    }

    // ---- rules of regions and volunteers --------------------------------------------------------

    static Stream<Arguments> levelsThatDoNotFitTheirParent() {
        return Stream.of(
                Arguments.of("DISTRICT", "none"),
                Arguments.of("STREET", "none"),
                Arguments.of("COMMUNITY", "none"),
                Arguments.of("CITY", "CITY"),
                Arguments.of("DISTRICT", "DISTRICT"),
                Arguments.of("STREET", "CITY"),
                Arguments.of("COMMUNITY", "DISTRICT"),
                Arguments.of("DISTRICT", "COMMUNITY"),
                Arguments.of("COMMUNITY", "COMMUNITY"));
    }

    @ParameterizedTest(name = "a {0} under {1}")
    @MethodSource("levelsThatDoNotFitTheirParent")
    void a_region_must_sit_directly_under_the_level_above_it(String level, String parent) {
        Api.Tree tree = world().tree();
        ObjectNode body = JSON.createObjectNode().put("name", Api.unique("区域")).put("level", level);
        switch (parent) {
            case "CITY" -> body.put("parentId", tree.city());
            case "DISTRICT" -> body.put("parentId", tree.district());
            case "STREET" -> body.put("parentId", tree.street());
            case "COMMUNITY" -> body.put("parentId", tree.community());
            default -> { }
        }

        refused(422, "REGION_LEVEL_INVALID", () -> post(Target.REGIONS, body.toString()))
                .body("detail", containsString(level));
    }

    @Test
    void a_region_under_a_parent_that_does_not_exist_is_refused() {
        String body = JSON.createObjectNode().put("name", Api.unique("区")).put("level", "DISTRICT")
                .put("parentId", 987654321L).toString();

        refused(422, "PARENT_REGION_NOT_FOUND", () -> post(Target.REGIONS, body))
                .body("detail", containsString("987654321"));
    }

    @Test
    void a_second_region_of_the_same_name_under_one_parent_is_refused() {
        ObjectNode body = Target.REGIONS.validBody(world());
        post(Target.REGIONS, body.toString()).then().statusCode(201);

        refused(409, "REGION_NAME_EXISTS", () -> post(Target.REGIONS, body.toString()));
    }

    @ParameterizedTest(name = "phone \"{0}\"")
    @ValueSource(strings = {"12345", "23812345678", "+1 212 555 0100"})
    void a_phone_that_is_not_a_mainland_mobile_number_is_a_field_error(String phone) {
        String body = withField(Target.VOLUNTEERS.validBody(world()), "phone", quoted(phone));

        refused(400, "VALIDATION_FAILED", () -> post(Target.VOLUNTEERS, body))
                .body("errors[0].field", equalTo("phone"))
                .body("errors[0].code", equalTo("INVALID_PHONE"));
    }

    @Test
    void an_id_number_with_a_wrong_check_character_is_a_field_error() {
        String valid = validIdNumber();
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        String body = withField(Target.VOLUNTEERS.validBody(world()), "idNumber",
                quoted(valid.substring(0, 17) + wrong));

        refused(400, "VALIDATION_FAILED", () -> post(Target.VOLUNTEERS, body))
                .body("errors[0].field", equalTo("idNumber"))
                .body("errors[0].code", equalTo("INVALID_ID_NUMBER"))
                .body(not(containsString(valid.substring(0, 17))));
    }

    @Test
    void a_phone_already_registered_is_refused_however_it_is_written() {
        String phone = Api.phone();
        ObjectNode first = Target.VOLUNTEERS.validBody(world()).put("phone", phone);
        post(Target.VOLUNTEERS, first.toString()).then().statusCode(201);
        String spaced = "+86 " + phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7);
        String dashed = phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7);

        for (String again : List.of(phone, spaced, dashed)) {
            String body = Target.VOLUNTEERS.validBody(world()).put("phone", again).toString();
            refused(409, "VOLUNTEER_PHONE_EXISTS", () -> post(Target.VOLUNTEERS, body));
        }
    }

    @Test
    void an_id_number_already_registered_is_refused() {
        String idNumber = validIdNumber();
        post(Target.VOLUNTEERS, Target.VOLUNTEERS.validBody(world()).put("idNumber", idNumber).toString())
                .then().statusCode(201);
        String body = Target.VOLUNTEERS.validBody(world()).put("idNumber", idNumber).toString();

        refused(409, "VOLUNTEER_ID_NUMBER_EXISTS", () -> post(Target.VOLUNTEERS, body));
    }

    @Test
    void a_volunteer_lives_in_a_community_that_exists() {
        String inStreet = Target.VOLUNTEERS.validBody(world()).put("homeCommunityId", world().tree().street()).toString();
        String nowhere = Target.VOLUNTEERS.validBody(world()).put("homeCommunityId", 987654321L).toString();

        refused(422, "NOT_A_COMMUNITY", () -> post(Target.VOLUNTEERS, inStreet));
        refused(422, "REGION_NOT_FOUND", () -> post(Target.VOLUNTEERS, nowhere));
    }

    // ---- the money endpoints ---------------------------------------------------------------------

    @Test
    void an_adjustment_of_an_account_that_does_not_exist_is_refused() {
        String body = Target.ADJUSTMENTS.validBody(world()).put("accountId", 987654321L).toString();

        refused(422, "ACCOUNT_NOT_FOUND", () -> post(Target.ADJUSTMENTS, body));
    }

    @Test
    void a_reversal_of_a_transaction_that_does_not_exist_is_refused() {
        refused(404, "TRANSACTION_NOT_FOUND", () -> admin("application/json").header("Idempotency-Key", Api.key())
                .body("{\"reason\":\"x\"}").post("/api/v1/ledger/transactions/987654321/reversal"))
                .body("detail", containsString("987654321"));
        refused(404, "NOT_FOUND", () -> admin("application/json").header("Idempotency-Key", Api.key())
                .body("{\"reason\":\"x\"}").post("/api/v1/ledger/transactions/first/reversal"));
    }

    @Test
    void a_transaction_is_reversed_at_most_once() {
        long tx = Api.adjust(world().volunteer().pointsAccount(), "CREDIT", 5).statusCode(201)
                .extract().jsonPath().getLong("id");
        String path = "/api/v1/ledger/transactions/" + tx + "/reversal";
        admin("application/json").header("Idempotency-Key", Api.key()).body("{\"reason\":\"first\"}").post(path)
                .then().statusCode(201);

        refused(409, "ALREADY_REVERSED", () -> admin("application/json").header("Idempotency-Key", Api.key())
                .body("{\"reason\":\"second\"}").post(path));
    }

    /** The three money endpoints, each with a request that would be accepted with a key. */
    static Stream<String> moneyEndpoints() {
        return Stream.of("adjustment", "import", "reversal");
    }

    /** Prepares the request (an import needs a volunteer of its own) and returns what sends it. */
    private static Supplier<Response> moneyRequest(String endpoint, String key) {
        World w = world();
        RequestSpecification request = switch (endpoint) {
            case "adjustment" -> admin("application/json").body(Target.ADJUSTMENTS.validBody(w).toString());
            case "reversal" -> admin("application/json").body(Target.REVERSAL.validBody(w).toString());
            default -> admin("text/csv; charset=UTF-8")
                    .body(CSV_HEADER + Api.volunteer(w.tree().community()).id() + ",POINTS,5,\n");
        };
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        String path = switch (endpoint) {
            case "adjustment" -> "/api/v1/ledger/adjustments";
            case "reversal" -> Target.REVERSAL.path(w);
            default -> "/api/v1/ledger/imports";
        };
        return () -> request.post(path);
    }

    @ParameterizedTest(name = "an {0} without a key")
    @MethodSource("moneyEndpoints")
    void a_money_request_without_an_idempotency_key_is_refused(String endpoint) {
        refused(400, "IDEMPOTENCY_KEY_REQUIRED", moneyRequest(endpoint, null));
    }

    @ParameterizedTest(name = "an {0} with an empty key")
    @MethodSource("moneyEndpoints")
    void a_money_request_with_an_empty_idempotency_key_is_refused_as_malformed(String endpoint) {
        // an empty key is a key gone wrong in the client, not a request without one
        refused(400, "IDEMPOTENCY_KEY_INVALID", moneyRequest(endpoint, ""));
    }

    static Stream<Arguments> malformedKeys() {
        return Stream.of("a key with spaces", "k".repeat(256))
                .flatMap(key -> Stream.concat(moneyEndpoints(), Stream.of("region", "volunteer"))
                        .map(endpoint -> Arguments.of(endpoint, key)));
    }

    @ParameterizedTest(name = "{0} with key \"{1}\"")
    @MethodSource("malformedKeys")
    void a_malformed_idempotency_key_is_refused_even_where_a_key_is_optional(String endpoint, String key) {
        Supplier<Response> request = switch (endpoint) {
            case "region" -> () -> post(Target.REGIONS, Target.REGIONS.validBody(world()).toString(),
                    "application/json", key);
            case "volunteer" -> () -> post(Target.VOLUNTEERS, Target.VOLUNTEERS.validBody(world()).toString(),
                    "application/json", key);
            default -> moneyRequest(endpoint, key);
        };

        refused(400, "IDEMPOTENCY_KEY_INVALID", request);
    }

    @Test
    void a_key_of_255_visible_characters_is_accepted() {
        Api.as(Tokens.admin()).header("Idempotency-Key", "k".repeat(254) + "~")
                .body(Target.ADJUSTMENTS.validBody(world()).put("amount", 1).toString())
                .post("/api/v1/ledger/adjustments").then().statusCode(201);
    }

    @Test
    void a_key_reused_for_a_different_request_is_refused() {
        String key = Api.key();
        post(Target.ADJUSTMENTS, Target.ADJUSTMENTS.validBody(world()).put("amount", 1).toString(), "application/json", key)
                .then().statusCode(201);
        String different = Target.ADJUSTMENTS.validBody(world()).put("amount", 2).toString();

        refused(422, "IDEMPOTENCY_KEY_REUSED", () -> post(Target.ADJUSTMENTS, different, "application/json", key));
    }

    // ---- opening balance imports ------------------------------------------------------------------

    @Test
    void every_bad_line_of_an_import_is_reported_by_number_and_nothing_is_imported() {
        long id = Api.volunteer(world().tree().community()).id();
        String csv = CSV_HEADER
                + id + ",HOURS,30,a good line\n"            // 2
                + id + ",GOLD,10,\n"                          // 3
                + id + ",POINTS,0,\n"                         // 4
                + id + ",POINTS,1000000001,\n"                // 5
                + "abc,POINTS,5,\n"                           // 6
                + id + ",POINTS,5\n"                          // 7
                + id + ",HOURS,40,the same account again\n"   // 8
                + "\"" + id + ",POINTS,5,unclosed quote\n"   // 9
                + id + ",POINTS,7," + "r".repeat(201) + "\n"  // 10
                + "987654321,HOURS,5,nobody\n";               // 11

        refused(422, "IMPORT_INVALID", () -> importCsv(csv))
                .body("errors.line", equalTo(List.of(3, 4, 5, 6, 7, 8, 9, 10, 11)))
                .body("errors.code", equalTo(List.of("IMPORT_ASSET_INVALID", "IMPORT_AMOUNT_INVALID",
                        "IMPORT_AMOUNT_INVALID", "IMPORT_VOLUNTEER_ID_INVALID", "IMPORT_COLUMNS",
                        "IMPORT_DUPLICATE_LINE", "IMPORT_COLUMNS", "IMPORT_REFERENCE_TOO_LONG",
                        "IMPORT_VOLUNTEER_UNKNOWN")))
                .body("detail", containsString("9"));
        as(Tokens.admin()).get("/api/v1/volunteers/" + id + "/balance").then().body("hours.minutes", equalTo(0));
    }

    @Test
    void lines_naming_unknown_volunteers_or_existing_opening_balances_fail_the_whole_import() {
        long fresh = Api.volunteer(world().tree().community()).id();
        long opened = Api.volunteer(world().tree().community()).id();
        importCsv(CSV_HEADER + opened + ",HOURS,10,opened before\n").then().statusCode(201);
        String csv = CSV_HEADER
                + fresh + ",HOURS,30,\n"
                + "987654321,POINTS,5,\n"
                + opened + ",HOURS,20,\n";

        refused(422, "IMPORT_INVALID", () -> importCsv(csv))
                .body("errors.line", equalTo(List.of(3, 4)))
                .body("errors.code", equalTo(List.of("IMPORT_VOLUNTEER_UNKNOWN", "IMPORT_OPENING_BALANCE_EXISTS")));
    }

    @Test
    void an_import_by_phone_reports_phones_that_are_malformed_or_unknown() {
        String csv = "phone,asset,amount,reference\n12345,HOURS,10,\n" + Api.phone() + ",HOURS,10,\n";

        refused(422, "IMPORT_INVALID", () -> importCsv(csv))
                .body("errors.line", equalTo(List.of(2, 3)))
                .body("errors.code", equalTo(List.of("IMPORT_PHONE_INVALID", "IMPORT_VOLUNTEER_UNKNOWN")));
    }

    @Test
    void an_import_without_a_known_header_or_without_lines_is_refused() {
        refused(422, "IMPORT_INVALID", () -> importCsv("id,asset,amount\n1,HOURS,10\n"))
                .body("errors.line", equalTo(List.of(1)))
                .body("errors.code", equalTo(List.of("IMPORT_HEADER_INVALID")));
        refused(422, "IMPORT_INVALID", () -> importCsv(CSV_HEADER + "\n\n"))
                .body("errors.line", equalTo(List.of(2)))
                .body("errors.code", equalTo(List.of("IMPORT_EMPTY")));
        refused(400, "MISSING_BODY", () -> importCsv(""));
    }

    @Test
    void an_import_must_be_sent_as_csv() {
        String csv = CSV_HEADER + world().volunteer().id() + ",HOURS,10,\n";

        refused(415, "UNSUPPORTED_MEDIA_TYPE", () -> admin("application/json").header("Idempotency-Key", Api.key())
                .body(csv).post("/api/v1/ledger/imports"));
    }

    @Test
    void an_import_over_2_MiB_is_refused_and_one_of_exactly_2_MiB_is_read() {
        String line = world().volunteer().id() + ",HOURS,10,padding\n";
        StringBuilder exact = new StringBuilder("not,a,known,header\n");
        while (exact.length() + line.length() <= 2 * 1024 * 1024) {
            exact.append(line);
        }
        exact.append("x".repeat(2 * 1024 * 1024 - exact.length()));
        String over = exact + "x";

        refused(422, "IMPORT_INVALID", () -> importCsv(exact.toString()))
                .body("errors[0].code", equalTo("IMPORT_HEADER_INVALID"));
        refused(413, "BODY_TOO_LARGE", () -> importCsv(over)).body("detail", containsString("2097152"));
    }

    // ---- text the database cannot store -------------------------------------------------------------

    static Stream<Arguments> textWithANulCharacter() {
        return Stream.of(
                Arguments.of(Target.REGIONS, "name"),
                Arguments.of(Target.VOLUNTEERS, "name"),
                Arguments.of(Target.ADJUSTMENTS, "reason"),
                Arguments.of(Target.REVERSAL, "reason"));
    }

    @ParameterizedTest(name = "{0} with a NUL in {1}")
    @MethodSource("textWithANulCharacter")
    void text_with_a_nul_character_is_bad_input_not_a_server_error(Target target, String field) {
        String body = target.validBody(world()).put(field, "a\u0000b").toString();

        refused(400, "INVALID_TEXT", () -> post(target, body));
    }

    @Test
    void an_import_reference_with_a_nul_character_is_bad_input_not_a_server_error() {
        String csv = CSV_HEADER + world().volunteer().id() + ",HOURS,10,a\u0000b\n";

        refused(400, "INVALID_TEXT", () -> importCsv(csv));
    }

    // ---- paging parameters -------------------------------------------------------------------------

    static Stream<String> lists() {
        return Stream.of("/api/v1/regions", "/api/v1/regions/{street}/children", "/api/v1/volunteers/{volunteer}/transactions");
    }

    private static String list(String template) {
        return template.replace("{street}", Long.toString(world().tree().street()))
                .replace("{volunteer}", Long.toString(world().volunteer().id()));
    }

    static Stream<Arguments> limitsOutOfBounds() {
        return lists().flatMap(l -> Stream.of("0", "101", "abc", "-1", "1.5", "99999999999").map(v -> Arguments.of(l, v)));
    }

    @ParameterizedTest(name = "{0}?limit={1}")
    @MethodSource("limitsOutOfBounds")
    void a_limit_outside_1_to_100_is_refused(String list, String limit) {
        Problems.assertProblem(as(Tokens.admin()).queryParam("limit", limit).get(list(list)), 400, "INVALID_LIMIT")
                .body("detail", containsString("100"));
    }

    static Stream<Arguments> cursorsThisServiceNeverIssued() {
        return lists().flatMap(l -> Stream.of("%%%", "not-base64!", "bm90LWEtY3Vyc29y", "djE6YWJj")
                .map(v -> Arguments.of(l, v)));
    }

    @ParameterizedTest(name = "{0}?cursor={1}")
    @MethodSource("cursorsThisServiceNeverIssued")
    void a_cursor_this_service_never_issued_is_refused(String list, String cursor) {
        Problems.assertProblem(as(Tokens.admin()).queryParam("cursor", cursor).get(list(list)), 400, "INVALID_CURSOR");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void the_bounds_of_the_limit_are_accepted(String list) {
        as(Tokens.admin()).queryParam("limit", 1).get(list(list)).then().statusCode(200);
        as(Tokens.admin()).queryParam("limit", 100).get(list(list)).then().statusCode(200);
    }

    // ---- paths and methods -------------------------------------------------------------------------

    @Test
    void an_unknown_path_is_a_not_found_problem_and_writes_nothing() {
        refused(404, "NOT_FOUND", () -> as(Tokens.admin()).get("/api/v1/nowhere"));
        refused(404, "NOT_FOUND", () -> as(Tokens.admin()).header("Idempotency-Key", Api.key())
                .body(Target.ADJUSTMENTS.validBody(world()).toString()).post("/api/v1/ledger/adjustment"));
    }

    static Stream<Arguments> methodsAPathDoesNotSupport() {
        return Stream.of(
                Arguments.of("DELETE", "/api/v1/regions/{street}"),
                Arguments.of("PUT", "/api/v1/volunteers/{volunteer}"),
                Arguments.of("DELETE", "/api/v1/volunteers/{volunteer}"),
                Arguments.of("GET", "/api/v1/ledger/adjustments"),
                Arguments.of("PATCH", "/api/v1/ledger/imports"),
                Arguments.of("GET", "/api/v1/ledger/transactions/{credit}/reversal"),
                Arguments.of("POST", "/api/v1/ledger/trial-balance"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("methodsAPathDoesNotSupport")
    void a_method_the_path_does_not_support_is_refused_with_405(String method, String template) {
        String path = list(template).replace("{credit}", Long.toString(world().credit()));

        refused(405, "METHOD_NOT_ALLOWED", () -> as(Tokens.admin()).header("Idempotency-Key", Api.key())
                .body(Target.ADJUSTMENTS.validBody(world()).toString()).request(method, path));
    }

    @Test
    void a_response_format_the_service_cannot_produce_is_refused_with_406() {
        Problems.assertProblem(as(Tokens.admin()).accept("application/xml").get("/api/v1/regions/" + world().tree().city()),
                406, "NOT_ACCEPTABLE");
    }

    // ---- the caller's language ----------------------------------------------------------------------

    static Stream<Arguments> acceptLanguages() {
        return Stream.of(
                Arguments.of("en", "en"),
                Arguments.of("en-US", "en"),
                Arguments.of("fr-FR, en;q=0.5", "en"),
                Arguments.of("en;q=0.1, zh;q=0.9", "zh-CN"),
                Arguments.of("fr", "zh-CN"),
                Arguments.of(";;q=not-a-number", "zh-CN"));
    }

    @ParameterizedTest(name = "Accept-Language: {0} -> {1}")
    @MethodSource("acceptLanguages")
    void the_detail_follows_accept_language_with_chinese_by_default(String acceptLanguage, String language) {
        String body = Target.ADJUSTMENTS.validBody(world()).put("amount", 0).toString();

        ValidatableResponse response = refused(400, "VALIDATION_FAILED", () -> admin("application/json")
                .header("Idempotency-Key", Api.key()).header("Accept-Language", acceptLanguage).body(body)
                .post("/api/v1/ledger/adjustments"))
                .header("Content-Language", language);
        if (language.equals("en")) {
            response.body("detail", equalTo("Invalid request fields: amount"))
                    .body("errors[0].detail", not(matchesPattern(HAN)));
        } else {
            response.body("detail", equalTo("请求字段无效：amount"))
                    .body("errors[0].detail", matchesPattern(HAN));
        }
    }

    /** Problems raised at different layers, each with its English detail. */
    static Stream<Arguments> problemsFromEveryLayer() {
        return Stream.of(
                Arguments.of("no token", "A valid bearer token is required"),
                Arguments.of("a body over 64 KiB", "The request body is too large; the limit is 65536 bytes"),
                Arguments.of("an unknown path", "Not found"),
                Arguments.of("a wrong content type", "This content type is not supported"),
                Arguments.of("a malformed JSON body", "The request body is not valid JSON"),
                Arguments.of("an invalid phone", "Invalid request fields: phone"),
                Arguments.of("a bad import line", "The import file has 1 error(s); nothing was written"),
                Arguments.of("a garbage cursor", "The paging cursor is not valid"));
    }

    private static Response problemFrom(String layer, String acceptLanguage) {
        RequestSpecification request = admin("application/json");
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return switch (layer) {
            case "no token" -> {
                RequestSpecification anonymous = given().contentType(ContentType.JSON);
                if (acceptLanguage != null) {
                    anonymous.header("Accept-Language", acceptLanguage);
                }
                yield anonymous.get("/api/v1/regions");
            }
            case "a body over 64 KiB" -> request.body(Target.REGIONS.validBody(world()).put("name", "x".repeat(70_000))
                    .toString()).post("/api/v1/regions");
            case "an unknown path" -> request.get("/api/v1/nowhere");
            case "a wrong content type" -> request.contentType("text/plain").body("x").post("/api/v1/regions");
            case "a malformed JSON body" -> request.body("{").post("/api/v1/regions");
            case "an invalid phone" -> request.body(Target.VOLUNTEERS.validBody(world()).put("phone", "12345").toString())
                    .post("/api/v1/volunteers");
            case "a bad import line" -> request.contentType("text/csv; charset=UTF-8").header("Idempotency-Key", Api.key())
                    .body(CSV_HEADER + world().volunteer().id() + ",GOLD,10,\n").post("/api/v1/ledger/imports");
            case "a garbage cursor" -> request.get("/api/v1/regions?cursor=%25%25");
            default -> throw new IllegalArgumentException(layer);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problemsFromEveryLayer")
    void every_layer_answers_in_english_when_asked_and_in_chinese_otherwise(String layer, String english) {
        problemFrom(layer, "en").then()
                .statusCode(matchesStatus4xx())
                .header("Content-Language", "en")
                .body("detail", equalTo(english))
                .body(not(matchesPattern(HAN)));

        problemFrom(layer, null).then()
                .statusCode(matchesStatus4xx())
                .header("Content-Language", "zh-CN")
                .body("detail", matchesPattern(HAN));
    }

    private static org.hamcrest.Matcher<Integer> matchesStatus4xx() {
        return org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(400))
                .and(org.hamcrest.Matchers.lessThan(500));
    }
}
