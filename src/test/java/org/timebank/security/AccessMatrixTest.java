package org.timebank.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.timebank.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.timebank.support.Api;
import org.timebank.support.Problems;
import org.timebank.support.Tokens;

/**
 * Who may call what: every caller against every endpoint of regions, volunteers, the ledger and
 * {@code /me}. The expected outcome of each pair is read from {@link #MATRIX}; every refusal is a
 * problem document that never carries the volunteer's personal data.
 */
@QuarkusTest
class AccessMatrixTest {

    /**
     * Rows: callers; columns: kinds of endpoint. A cell is the success status or the problem code,
     * or NONE: a 200 with nothing found. The volunteer reads ask about "the volunteer" (a member
     * of the home community); the volunteer writes register someone in that same community; the
     * search looks for the volunteer's phone number; a move takes a volunteer of their own from
     * the home community to the one next door (staff serving only the new community are tested in
     * VolunteerMoveTest).
     */
    private static final String MATRIX = """
            caller             REGION_CREATE    REGION_READ      VOLUNTEER_CREATE  VOLUNTEER_READ       LEDGER_WRITE     LEDGER_READ      ME               VOLUNTEER_SEARCH  VOLUNTEER_MOVE
            NOBODY             UNAUTHENTICATED  UNAUTHENTICATED  UNAUTHENTICATED   UNAUTHENTICATED      UNAUTHENTICATED  UNAUTHENTICATED  UNAUTHENTICATED  UNAUTHENTICATED   UNAUTHENTICATED
            EXPIRED_TOKEN      UNAUTHENTICATED  UNAUTHENTICATED  UNAUTHENTICATED   UNAUTHENTICATED      UNAUTHENTICATED  UNAUTHENTICATED  UNAUTHENTICATED  UNAUTHENTICATED   UNAUTHENTICATED
            FOREIGN_KEY        UNAUTHENTICATED  UNAUTHENTICATED  UNAUTHENTICATED   UNAUTHENTICATED      UNAUTHENTICATED  UNAUTHENTICATED  UNAUTHENTICATED  UNAUTHENTICATED   UNAUTHENTICATED
            FOREIGN_ISSUER     UNAUTHENTICATED  UNAUTHENTICATED  UNAUTHENTICATED   UNAUTHENTICATED      UNAUTHENTICATED  UNAUTHENTICATED  UNAUTHENTICATED  UNAUTHENTICATED   UNAUTHENTICATED
            THE_VOLUNTEER      FORBIDDEN        200              FORBIDDEN         200                  FORBIDDEN        FORBIDDEN        200              FORBIDDEN         FORBIDDEN
            A_NEIGHBOUR        FORBIDDEN        200              FORBIDDEN         VOLUNTEER_NOT_FOUND  FORBIDDEN        FORBIDDEN        200              FORBIDDEN         FORBIDDEN
            STREET_STAFF       FORBIDDEN        200              201               200                  FORBIDDEN        FORBIDDEN        200              200               201
            COMMUNITY_STAFF    FORBIDDEN        200              201               200                  FORBIDDEN        FORBIDDEN        200              200               201
            OUTSIDE_STAFF      FORBIDDEN        200              NOT_IN_SCOPE      VOLUNTEER_NOT_FOUND  FORBIDDEN        FORBIDDEN        200              NONE              VOLUNTEER_NOT_FOUND
            SHOP_OPERATOR      FORBIDDEN        200              FORBIDDEN         FORBIDDEN            FORBIDDEN        FORBIDDEN        200              FORBIDDEN         FORBIDDEN
            ADMIN              201              200              201               200                  201              200              200              200               201
            """;

    private static final Map<String, Integer> STATUS_OF_CODE = Map.of(
            "UNAUTHENTICATED", 401, "FORBIDDEN", 403, "NOT_IN_SCOPE", 403, "VOLUNTEER_NOT_FOUND", 404);

    enum Area {
        REGION_CREATE, REGION_READ, VOLUNTEER_CREATE, VOLUNTEER_READ, LEDGER_WRITE, LEDGER_READ, ME, VOLUNTEER_SEARCH,
        VOLUNTEER_MOVE
    }

    /** The data every row asks about, built once through the API. */
    record World(Api.Tree home, Api.Tree elsewhere, Api.Volunteer member, String memberName, String memberPhone,
                 Api.Volunteer neighbour, long memberTransaction, PrivateKey foreignKey, long nextDoor, long shop) {

        String memberPhoneMasked() {
            return memberPhone.substring(0, 3) + "****" + memberPhone.substring(memberPhone.length() - 4);
        }
    }

    private static World world;

    private static synchronized World world() {
        if (world == null) {
            Api.Tree home = Api.tree();
            Api.Tree elsewhere = Api.tree();
            String name = Api.unique("隐私测试");
            String phone = Api.phone();
            var json = as(Tokens.admin()).body(Map.of("name", name, "phone", phone, "homeCommunityId", home.community()))
                    .post("/api/v1/volunteers").then().statusCode(201).extract().jsonPath();
            Api.Volunteer member = new Api.Volunteer(json.getLong("id"), json.getLong("accounts.hours"),
                    json.getLong("accounts.points"));
            Api.Volunteer neighbour = Api.volunteer(home.community());
            long tx = Api.adjust(member.pointsAccount(), "CREDIT", 40).statusCode(201).extract().jsonPath().getLong("id");
            long nextDoor = Api.region(Api.unique("社区"), "COMMUNITY", home.street());
            long shop = as(Tokens.admin()).body(Map.of("name", Api.unique("商家"), "kind", "PARTNER_SHOP",
                    "regionId", home.community())).post("/api/v1/shops").then().statusCode(201).extract().jsonPath()
                    .getLong("id");
            world = new World(home, elsewhere, member, name, phone, neighbour, tx, foreignPrivateKey(), nextDoor, shop);
        }
        return world;
    }

    private static PrivateKey foreignPrivateKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    enum Who {
        NOBODY("no token"),
        EXPIRED_TOKEN("an expired admin token"),
        FOREIGN_KEY("an admin token signed by another key"),
        FOREIGN_ISSUER("an admin token from another issuer"),
        THE_VOLUNTEER("the volunteer themself"),
        A_NEIGHBOUR("another volunteer of the same community"),
        STREET_STAFF("staff of the volunteer's street"),
        COMMUNITY_STAFF("staff of the volunteer's community"),
        OUTSIDE_STAFF("staff of another street"),
        SHOP_OPERATOR("a shop operator"),
        ADMIN("an admin");

        private final String label;

        Who(String label) {
            this.label = label;
        }

        String token(World w) {
            return switch (this) {
                case NOBODY -> null;
                case EXPIRED_TOKEN -> Tokens.expired();
                case FOREIGN_KEY -> Jwt.issuer(Tokens.ISSUER).subject("admin-test").groups(Set.of("admin"))
                        .expiresIn(Duration.ofMinutes(30)).sign(w.foreignKey());
                case FOREIGN_ISSUER -> Jwt.issuer("https://elsewhere.example/issuer").subject("admin-test")
                        .groups(Set.of("admin")).expiresIn(Duration.ofMinutes(30)).sign();
                case THE_VOLUNTEER -> Tokens.volunteer(w.member().id());
                case A_NEIGHBOUR -> Tokens.volunteer(w.neighbour().id());
                case STREET_STAFF -> Tokens.staff("staff-street", w.home().street());
                case COMMUNITY_STAFF -> Tokens.staff("staff-community", w.home().community());
                case OUTSIDE_STAFF -> Tokens.staff("staff-elsewhere", w.elsewhere().street());
                case SHOP_OPERATOR -> Tokens.shop(Long.toString(w.shop()));
                case ADMIN -> Tokens.admin();
            };
        }

        @Override
        public String toString() {
            return label;
        }
    }

    enum Endpoint {
        CREATE_REGION(Area.REGION_CREATE, "POST /api/v1/regions") {
            Response call(RequestSpecification r, World w) {
                return r.body(Map.of("name", Api.unique("城市"), "level", "CITY")).post("/api/v1/regions");
            }

            void onSuccess(ValidatableResponse r, World w) {
                r.body("level", equalTo("CITY")).header("Location", containsString("/api/v1/regions/"));
            }
        },
        LIST_REGIONS(Area.REGION_READ, "GET /api/v1/regions") {
            Response call(RequestSpecification r, World w) {
                return r.get("/api/v1/regions?limit=100");
            }

            void onSuccess(ValidatableResponse r, World w) {
                r.body("items.level", hasItem("CITY")).body("items.level", not(hasItem("COMMUNITY")));
            }
        },
        READ_REGION(Area.REGION_READ, "GET /api/v1/regions/{id}") {
            Response call(RequestSpecification r, World w) {
                return r.get("/api/v1/regions/" + w.home().community());
            }

            void onSuccess(ValidatableResponse r, World w) {
                r.body("id", equalTo((int) w.home().community())).body("level", equalTo("COMMUNITY"));
            }
        },
        REGION_CHILDREN(Area.REGION_READ, "GET /api/v1/regions/{id}/children") {
            Response call(RequestSpecification r, World w) {
                return r.get("/api/v1/regions/" + w.home().street() + "/children");
            }

            void onSuccess(ValidatableResponse r, World w) {
                r.body("items.id", hasItem((int) w.home().community()));
            }
        },
        CREATE_VOLUNTEER(Area.VOLUNTEER_CREATE, "POST /api/v1/volunteers") {
            Response call(RequestSpecification r, World w) {
                return r.body(Map.of("name", Api.unique("新志愿者"), "phone", Api.phone(),
                        "homeCommunityId", w.home().community())).post("/api/v1/volunteers");
            }

            void onSuccess(ValidatableResponse r, World w) {
                r.body("homeCommunityId", equalTo((int) w.home().community()))
                        .header("Location", containsString("/api/v1/volunteers/"));
            }
        },
        READ_VOLUNTEER(Area.VOLUNTEER_READ, "GET /api/v1/volunteers/{id}") {
            Response call(RequestSpecification r, World w) {
                return r.get("/api/v1/volunteers/" + w.member().id());
            }

            void onSuccess(ValidatableResponse r, World w) {
                r.body("id", equalTo((int) w.member().id())).body("name", equalTo(w.memberName()))
                        .body("phoneMasked", equalTo(w.memberPhoneMasked()));
            }
        },
        VOLUNTEER_BALANCE(Area.VOLUNTEER_READ, "GET /api/v1/volunteers/{id}/balance") {
            Response call(RequestSpecification r, World w) {
                return r.get("/api/v1/volunteers/" + w.member().id() + "/balance");
            }

            void onSuccess(ValidatableResponse r, World w) {
                r.body("volunteerId", equalTo((int) w.member().id())).body("points.posted", notNullValue());
            }
        },
        VOLUNTEER_TRANSACTIONS(Area.VOLUNTEER_READ, "GET /api/v1/volunteers/{id}/transactions") {
            Response call(RequestSpecification r, World w) {
                return r.get("/api/v1/volunteers/" + w.member().id() + "/transactions?limit=100");
            }

            void onSuccess(ValidatableResponse r, World w) {
                r.body("items.transactionId", hasItem((int) w.memberTransaction()));
            }
        },
        VOLUNTEER_MOVES(Area.VOLUNTEER_READ, "GET /api/v1/volunteers/{id}/moves") {
            Response call(RequestSpecification r, World w) {
                return r.get("/api/v1/volunteers/" + w.member().id() + "/moves");
            }

            void onSuccess(ValidatableResponse r, World w) {
                r.body("items", equalTo(List.of()));
            }
        },
        ME(Area.ME, "GET /api/v1/me") {
            Response call(RequestSpecification r, World w) {
                return r.get("/api/v1/me");
            }

            void onSuccess(ValidatableResponse r, World w) {
                r.body("subject", notNullValue()).body("roles.size()", equalTo(1));
            }
        },
        SEARCH_VOLUNTEERS(Area.VOLUNTEER_SEARCH, "POST /api/v1/volunteers/search") {
            Response call(RequestSpecification r, World w) {
                return r.body(Map.of("phone", w.memberPhone())).post("/api/v1/volunteers/search");
            }

            void onSuccess(ValidatableResponse r, World w) {
                r.body("items.id", equalTo(List.of((int) w.member().id())))
                        .body("items[0].name", equalTo(w.memberName()))
                        .body("items[0].phoneMasked", equalTo(w.memberPhoneMasked()));
            }
        },
        MOVE_VOLUNTEER(Area.VOLUNTEER_MOVE, "POST /api/v1/volunteers/{id}/moves") {
            Response call(RequestSpecification r, World w) {
                // a volunteer of their own: an accepted move takes them away
                long mover = Api.volunteer(w.home().community()).id();
                return r.header("Idempotency-Key", Api.key()).body(Map.of("toCommunityId", w.nextDoor()))
                        .post("/api/v1/volunteers/" + mover + "/moves");
            }

            void onSuccess(ValidatableResponse r, World w) {
                r.body("fromCommunityId", equalTo((int) w.home().community()))
                        .body("toCommunityId", equalTo((int) w.nextDoor()));
            }
        },
        ADJUST(Area.LEDGER_WRITE, "POST /api/v1/ledger/adjustments") {
            Response call(RequestSpecification r, World w) {
                return r.header("Idempotency-Key", Api.key())
                        .body(Map.of("accountId", w.member().pointsAccount(), "direction", "CREDIT", "amount", 1,
                                "reason", "access matrix"))
                        .post("/api/v1/ledger/adjustments");
            }

            void onSuccess(ValidatableResponse r, World w) {
                r.body("kind", equalTo("ADJUSTMENT")).body("actor", equalTo("admin-test"));
            }
        },
        IMPORT(Area.LEDGER_WRITE, "POST /api/v1/ledger/imports") {
            Response call(RequestSpecification r, World w) {
                // a volunteer of their own, so that an accepted import never meets an existing opening balance
                long fresh = Api.volunteer(w.home().community()).id();
                return r.contentType("text/csv; charset=UTF-8").header("Idempotency-Key", Api.key())
                        .body("volunteer_id,asset,amount,reference\n" + fresh + ",HOURS,60,access matrix\n")
                        .post("/api/v1/ledger/imports");
            }

            void onSuccess(ValidatableResponse r, World w) {
                r.body("lines", equalTo(1)).body("hoursMinutes", equalTo(60));
            }
        },
        REVERSE(Area.LEDGER_WRITE, "POST /api/v1/ledger/transactions/{id}/reversal") {
            Response call(RequestSpecification r, World w) {
                // each call gets a transaction of its own: an accepted reversal uses it up
                long tx = Api.adjust(w.member().pointsAccount(), "CREDIT", 1).statusCode(201)
                        .extract().jsonPath().getLong("id");
                return r.header("Idempotency-Key", Api.key()).body(Map.of("reason", "access matrix"))
                        .post("/api/v1/ledger/transactions/" + tx + "/reversal");
            }

            void onSuccess(ValidatableResponse r, World w) {
                r.body("kind", equalTo("REVERSAL")).body("reversesId", notNullValue());
            }
        },
        READ_ACCOUNT(Area.LEDGER_READ, "GET /api/v1/ledger/accounts/{id}") {
            Response call(RequestSpecification r, World w) {
                return r.get("/api/v1/ledger/accounts/" + w.member().pointsAccount());
            }

            void onSuccess(ValidatableResponse r, World w) {
                r.body("id", equalTo((int) w.member().pointsAccount())).body("ownerId", equalTo((int) w.member().id()));
            }
        },
        READ_TRANSACTION(Area.LEDGER_READ, "GET /api/v1/ledger/transactions/{id}") {
            Response call(RequestSpecification r, World w) {
                return r.get("/api/v1/ledger/transactions/" + w.memberTransaction());
            }

            void onSuccess(ValidatableResponse r, World w) {
                r.body("id", equalTo((int) w.memberTransaction())).body("kind", equalTo("ADJUSTMENT"));
            }
        },
        TRIAL_BALANCE(Area.LEDGER_READ, "GET /api/v1/ledger/trial-balance") {
            Response call(RequestSpecification r, World w) {
                return r.get("/api/v1/ledger/trial-balance");
            }

            void onSuccess(ValidatableResponse r, World w) {
                r.body("balanced", equalTo(true)).body("assets.asset", hasItem("POINTS"));
            }
        },
        VERIFICATION(Area.LEDGER_READ, "GET /api/v1/ledger/verification") {
            Response call(RequestSpecification r, World w) {
                return r.get("/api/v1/ledger/verification");
            }

            void onSuccess(ValidatableResponse r, World w) {
                r.body("valid", equalTo(true)).body("unaccountedTransactions", equalTo(0));
            }
        };

        final Area area;
        private final String label;

        Endpoint(Area area, String label) {
            this.area = area;
            this.label = label;
        }

        abstract Response call(RequestSpecification request, World w);

        abstract void onSuccess(ValidatableResponse response, World w);

        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Arguments> everyCallerOnEveryEndpoint() {
        return Arrays.stream(Who.values())
                .flatMap(who -> Arrays.stream(Endpoint.values()).map(endpoint -> Arguments.of(who, endpoint)));
    }

    @ParameterizedTest(name = "{0} calling {1}")
    @MethodSource("everyCallerOnEveryEndpoint")
    void every_caller_gets_exactly_what_the_matrix_allows(Who who, Endpoint endpoint) {
        World w = world();
        String expected = expected(who, endpoint.area);
        RequestSpecification request = given().contentType(ContentType.JSON).accept(ContentType.JSON);
        String token = who.token(w);
        if (token != null) {
            request.auth().oauth2(token);
        }

        Response response = endpoint.call(request, w);

        if (expected.equals("200") || expected.equals("201")) {
            ValidatableResponse ok = response.then().statusCode(Integer.parseInt(expected));
            endpoint.onSuccess(ok, w);
            return;
        }
        if (expected.equals("NONE")) {
            response.then().statusCode(200).body("items", equalTo(List.of()))
                    .body(not(containsString(w.memberName()))).body(not(containsString(w.memberPhoneMasked())));
            return;
        }
        ValidatableResponse refused = Problems.assertProblem(response, STATUS_OF_CODE.get(expected), expected);
        if (expected.equals("UNAUTHENTICATED")) {
            refused.header("WWW-Authenticate", startsWith("Bearer"));
        }
        refused.body(not(containsString(w.memberName())))
                .body(not(containsString(w.memberPhoneMasked())))
                .body(not(containsString(w.memberPhone())));
    }

    @Test
    void a_volunteer_hidden_by_scope_looks_exactly_like_one_that_does_not_exist() {
        World w = world();
        String outsider = Who.OUTSIDE_STAFF.token(w);
        long missing = w.member().id() + 1_000_000;

        Map<String, Object> hidden = as(outsider).get("/api/v1/volunteers/" + w.member().id()).then().statusCode(404)
                .extract().jsonPath().getMap("");
        Map<String, Object> absent = as(outsider).get("/api/v1/volunteers/" + missing).then().statusCode(404)
                .extract().jsonPath().getMap("");

        String id = Long.toString(w.member().id());
        assertEquals(absent.toString().replace(Long.toString(missing), id), hidden.toString());
    }

    @Test
    void a_token_without_a_subject_cannot_write_and_is_told_how_to_authenticate() {
        String anonymousAdmin = Jwt.issuer(Tokens.ISSUER).claim("upn", "someone").groups(Set.of("admin"))
                .expiresIn(Duration.ofMinutes(30)).sign();

        Response response = given().auth().oauth2(anonymousAdmin).contentType(ContentType.JSON)
                .body(Map.of("name", Api.unique("城市"), "level", "CITY")).post("/api/v1/regions");

        Problems.assertProblem(response, 401, "UNAUTHENTICATED").header("WWW-Authenticate", startsWith("Bearer"));
    }

    /** The cell of the matrix for this caller and kind of endpoint. */
    private static String expected(Who who, Area area) {
        Map<Who, Map<Area, String>> table = parsedMatrix();
        String cell = table.get(who).get(area);
        assertNotNull(cell, () -> "the matrix has no cell for " + who.name() + " / " + area);
        return cell;
    }

    private static Map<Who, Map<Area, String>> parsedMatrix() {
        List<String[]> rows = MATRIX.lines().filter(l -> !l.isBlank()).map(l -> l.strip().split("\\s+")).toList();
        String[] header = rows.get(0);
        Map<Who, Map<Area, String>> table = new EnumMap<>(Who.class);
        for (String[] row : rows.subList(1, rows.size())) {
            Map<Area, String> cells = new EnumMap<>(Area.class);
            for (int i = 1; i < header.length; i++) {
                cells.put(Area.valueOf(header[i]), row[i]);
            }
            table.put(Who.valueOf(row[0]), cells);
        }
        return table;
    }
}
