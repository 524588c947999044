package org.timebank.hours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.timebank.support.Api.as;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.timebank.support.Api;
import org.timebank.support.Tokens;

/** Claims, rules and decisions through the public API, for the hour-claim tests. Times are Shanghai's (+08:00). */
final class HourClaimFixtures {
    static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);

    private HourClaimFixtures() {}

    /** Yesterday in Shanghai at this time of day; hour 24 is today's midnight. */
    static OffsetDateTime yesterday(int hour, int minute) {
        return OffsetDateTime.now(SHANGHAI).toLocalDate().minusDays(1).atStartOfDay().atOffset(SHANGHAI)
                .plusHours(hour).plusMinutes(minute);
    }

    static OffsetDateTime longAgo() {
        return OffsetDateTime.now(SHANGHAI).minusDays(30);
    }

    /** Rules counted to the minute, rounded down, in force since long ago; rates as category, points per hour pairs. */
    static Map<String, Object> rules(Object... categoryRates) {
        List<Map<String, Object>> rates = new ArrayList<>();
        for (int i = 0; i < categoryRates.length; i += 2) {
            rates.add(Map.of("category", categoryRates[i], "pointsPerHour", categoryRates[i + 1]));
        }
        Map<String, Object> body = new HashMap<>();
        body.put("granularityMinutes", 1);
        body.put("rounding", "DOWN");
        body.put("effectiveFrom", longAgo().toString());
        body.put("rates", rates);
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    /** Puts a new version of a region's rules; returns the rule set's id. */
    static int putRules(long regionId, Map<String, Object> body) {
        return as(Tokens.admin()).body(body).put("/api/v1/regions/" + regionId + "/conversion-rules").then()
                .statusCode(200).extract().jsonPath().getInt("id");
    }

    static Map<String, Object> period(OffsetDateTime startsAt, OffsetDateTime endsAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("startsAt", startsAt.toString());
        body.put("endsAt", endsAt.toString());
        return body;
    }

    static Response submit(String token, Map<String, Object> body) {
        return as(token).body(body).post("/api/v1/hour-claims");
    }

    static Response submit(Api.Volunteer v, OffsetDateTime startsAt, OffsetDateTime endsAt) {
        return submit(Tokens.volunteer(v.id()), period(startsAt, endsAt));
    }

    /** A volunteer's own claim, recorded; returns its id. */
    static long claim(Api.Volunteer v, OffsetDateTime startsAt, OffsetDateTime endsAt) {
        return submit(v, startsAt, endsAt).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static Response decide(String token, long claimId, String decision, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("decision", decision);
        if (reason != null) {
            body.put("reason", reason);
        }
        return as(token).body(body).post("/api/v1/hour-claims/" + claimId + "/decision");
    }

    static JsonPath approve(String staffToken, long claimId) {
        return decide(staffToken, claimId, "APPROVE", null).then().statusCode(200).extract().jsonPath();
    }

    static Response reverse(String token, long claimId, String reason) {
        return as(token).body(Map.of("reason", reason)).post("/api/v1/hour-claims/" + claimId + "/reversal");
    }

    static JsonPath read(long claimId) {
        return as(Tokens.admin()).get("/api/v1/hour-claims/" + claimId).then().statusCode(200).extract().jsonPath();
    }

    static String status(long claimId) {
        return read(claimId).getString("status");
    }

    static JsonPath transaction(long transactionId) {
        return as(Tokens.admin()).get("/api/v1/ledger/transactions/" + transactionId).then().statusCode(200)
                .extract().jsonPath();
    }

    static JsonPath account(long accountId) {
        return as(Tokens.admin()).get("/api/v1/ledger/accounts/" + accountId).then().statusCode(200)
                .extract().jsonPath();
    }

    /** An account's asset and purpose, which never change: "HOURS COMMUNITY_POOL". */
    private static final Map<Long, String> KINDS = new ConcurrentHashMap<>();

    private static String kindOf(long accountId) {
        return KINDS.computeIfAbsent(accountId, id -> {
            JsonPath a = account(id);
            return a.getString("asset") + " " + a.getString("purpose");
        });
    }

    /** One read of the volunteer's balance, then each (path, expected value) pair in turn. */
    static void assertBalance(Api.Volunteer v, Object... pathsAndValues) {
        JsonPath balance = as(Tokens.admin()).get("/api/v1/volunteers/" + v.id() + "/balance").then()
                .statusCode(200).extract().jsonPath();
        for (int i = 0; i < pathsAndValues.length; i += 2) {
            String path = (String) pathsAndValues[i];
            assertEquals(((Number) pathsAndValues[i + 1]).longValue(), balance.getLong(path),
                    () -> path + " in " + balance.prettify());
        }
    }

    /** A transaction's postings as account id -> signed amount. */
    static Map<Long, Long> postings(long transactionId) {
        Map<Long, Long> lines = new HashMap<>();
        for (Map<String, Object> p : transaction(transactionId).<Map<String, Object>>getList("postings")) {
            lines.put(((Number) p.get("accountId")).longValue(), ((Number) p.get("amount")).longValue());
        }
        return lines;
    }

    /** The one posting of a transaction on the account with this purpose (and asset). */
    static long postingTo(long transactionId, String asset, String purpose) {
        List<Long> found = new ArrayList<>();
        postings(transactionId).forEach((accountId, amount) -> {
            if (kindOf(accountId).equals(asset + " " + purpose)) {
                found.add(amount);
            }
        });
        if (found.size() != 1) {
            throw new AssertionError(transactionId + " has " + found.size() + " postings to " + asset + " " + purpose
                    + ": " + transaction(transactionId).prettify());
        }
        return found.get(0);
    }

    /** The kinds of the volunteer's ledger history, newest first. */
    static List<String> historyKinds(long volunteerId) {
        return as(Tokens.admin()).get("/api/v1/volunteers/" + volunteerId + "/transactions?limit=100").then()
                .statusCode(200).extract().jsonPath().getList("items.kind", String.class);
    }

    static String staffOf(long regionId) {
        return Tokens.staff(Api.unique("staff"), regionId);
    }

    /** A staff member who is also this volunteer (subject = the volunteer's id), serving the region. */
    static String staffWhoIs(Api.Volunteer v, long regionId) {
        return Tokens.token(Long.toString(v.id()), Set.of("volunteer", "staff"), List.of(regionId), null);
    }

    static List<Long> ids(Response listed) {
        return listed.then().statusCode(200).extract().jsonPath().getList("items.id", Long.class);
    }
}
