package org.timebank.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Builds test data through the public API, as a client would. Names and phones are unique per call. */
public final class Api {
    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);

    private Api() {}

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static String unique(String prefix) {
        return prefix + "-" + SEQ.incrementAndGet();
    }

    /** A fresh, unused mainland mobile number. */
    public static String phone() {
        return "139" + String.format("%08d", Math.floorMod(SEQ.incrementAndGet() * 7919 + System.nanoTime(), 100_000_000L));
    }

    public static String key() {
        return UUID.randomUUID().toString();
    }

    public static long region(String name, String level, Long parentId) {
        Map<String, Object> body = parentId == null
                ? Map.of("name", name, "level", level)
                : Map.of("name", name, "level", level, "parentId", parentId);
        return as(Tokens.admin()).body(body).post("/api/v1/regions").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    /** A city > district > street > community chain, each freshly named. */
    public record Tree(long city, long district, long street, long community) {}

    public static Tree tree() {
        long city = region(unique("市"), "CITY", null);
        long district = region(unique("区"), "DISTRICT", city);
        long street = region(unique("街道"), "STREET", district);
        long community = region(unique("社区"), "COMMUNITY", street);
        return new Tree(city, district, street, community);
    }

    public record Volunteer(long id, long hoursAccount, long pointsAccount) {}

    public static Volunteer volunteer(long community) {
        var json = as(Tokens.admin())
                .body(Map.of("name", "志愿者", "phone", phone(), "homeCommunityId", community))
                .post("/api/v1/volunteers").then().statusCode(201).extract().jsonPath();
        return new Volunteer(json.getLong("id"), json.getLong("accounts.hours"), json.getLong("accounts.points"));
    }

    public static ValidatableResponse adjust(long accountId, String direction, long amount) {
        return as(Tokens.admin()).header("Idempotency-Key", key())
                .body(Map.of("accountId", accountId, "direction", direction, "amount", amount, "reason", "test"))
                .post("/api/v1/ledger/adjustments").then();
    }

    public static long balance(Volunteer v, String path) {
        return as(Tokens.admin()).get("/api/v1/volunteers/" + v.id() + "/balance").then().statusCode(200)
                .extract().jsonPath().getLong(path);
    }
}
