package org.timebank.servicerequest;

import static org.timebank.support.Api.as;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.timebank.support.Api;
import org.timebank.support.Tokens;

/** Service requests made and moved through the API, as the mini-programs would. */
final class ServiceRequestFixtures {
    private ServiceRequestFixtures() {}

    static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);
    static final String PATH = "/api/v1/service-requests";

    /** A volunteer with these stored minutes (an adjustment credits their HOURS wallet). */
    static Api.Volunteer withMinutes(long community, long minutes) {
        Api.Volunteer v = Api.volunteer(community);
        if (minutes > 0) {
            Api.adjust(v.hoursAccount(), "CREDIT", minutes).statusCode(201);
        }
        return v;
    }

    static void settlement(long regionId, String settlement) {
        as(Tokens.admin()).body(Map.of("settlement", settlement,
                        "categories", List.of("MEAL_DELIVERY", "CLEANING", "ELDER_COMPANY")))
                .put("/api/v1/regions/" + regionId + "/service-rules").then().statusCode(200);
    }

    /** A request body: tomorrow morning, for the expected minutes, paid by the requester. */
    static Map<String, Object> body(int expectedMinutes) {
        OffsetDateTime start = OffsetDateTime.now(SHANGHAI).plusDays(1).withHour(9).withMinute(0).withSecond(0).withNano(0);
        Map<String, Object> body = new HashMap<>();
        body.put("category", "MEAL_DELIVERY");
        body.put("place", "3号楼");
        body.put("windowStartsAt", start.toString());
        body.put("windowEndsAt", start.plusHours(3).toString());
        body.put("expectedMinutes", expectedMinutes);
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, Object... keysAndValues) {
        Map<String, Object> copy = new HashMap<>(body);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            copy.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return copy;
    }

    static Response post(String token, Map<String, Object> body) {
        return as(token).header("Idempotency-Key", Api.key()).body(body).post(PATH);
    }

    /** Posts a request of the requester's own, paid by themself; returns its id. */
    static long request(Api.Volunteer requester, int expectedMinutes) {
        return post(Tokens.volunteer(requester.id()), body(expectedMinutes)).then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    static Response step(String token, long id, String step, Map<String, Object> body) {
        var spec = as(token).header("Idempotency-Key", Api.key());
        if (body != null) {
            spec = spec.body(body);
        }
        return spec.post(PATH + "/" + id + "/" + step);
    }

    static Response accept(Api.Volunteer provider, long id) {
        return step(Tokens.volunteer(provider.id()), id, "acceptance", null);
    }

    static Response complete(Api.Volunteer provider, long id, int minutes) {
        return step(Tokens.volunteer(provider.id()), id, "completion", Map.of("minutesServed", minutes));
    }

    static Response confirm(String token, long id) {
        return step(token, id, "confirmation", null);
    }

    static Response cancel(String token, long id, String reason) {
        return step(token, id, "cancellation", reason == null ? Map.of() : Map.of("reason", reason));
    }

    static JsonPath read(long id) {
        return as(Tokens.admin()).get(PATH + "/" + id).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath transaction(long id) {
        return as(Tokens.admin()).get("/api/v1/ledger/transactions/" + id).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath account(long id) {
        return as(Tokens.admin()).get("/api/v1/ledger/accounts/" + id).then().statusCode(200).extract().jsonPath();
    }

    static long minutes(Api.Volunteer v) {
        return Api.balance(v, "hours.minutes");
    }

    static long pendingMinutes(Api.Volunteer v) {
        return Api.balance(v, "hours.pendingMinutes");
    }
}
