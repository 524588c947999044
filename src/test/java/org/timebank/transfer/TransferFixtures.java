package org.timebank.transfer;

import static org.timebank.support.Api.as;

import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import org.timebank.support.Api;
import org.timebank.support.Tokens;

/** Gifts, donations and grants as the apps send them. */
final class TransferFixtures {
    private TransferFixtures() {}

    static Api.Volunteer volunteerWith(long community, long points, long minutes) {
        Api.Volunteer v = Api.volunteer(community);
        if (points > 0) {
            Api.adjust(v.pointsAccount(), "CREDIT", points).statusCode(201);
        }
        if (minutes > 0) {
            Api.adjust(v.hoursAccount(), "CREDIT", minutes).statusCode(201);
        }
        return v;
    }

    static Response gift(Api.Volunteer from, long to, String asset, long amount) {
        return gift(from, to, asset, amount, Api.key());
    }

    static Response gift(Api.Volunteer from, long to, String asset, long amount, String key) {
        Map<String, Object> body = new HashMap<>(Map.of("type", "GIFT", "toVolunteerId", to, "amount", amount));
        if (asset != null) {
            body.put("asset", asset);
        }
        return as(Tokens.volunteer(from.id())).header("Idempotency-Key", key).body(body).post("/api/v1/transfers");
    }

    static Response donate(Api.Volunteer from, Long community, String asset, long amount) {
        Map<String, Object> body = new HashMap<>(Map.of("type", "DONATION", "amount", amount, "asset", asset));
        if (community != null) {
            body.put("communityId", community);
        }
        return as(Tokens.volunteer(from.id())).header("Idempotency-Key", Api.key()).body(body)
                .post("/api/v1/transfers");
    }

    static Response grant(String token, long community, long volunteer, String asset, long amount) {
        return as(token).header("Idempotency-Key", Api.key())
                .body(Map.of("volunteerId", volunteer, "asset", asset, "amount", amount, "reason", "独居老人助餐"))
                .post("/api/v1/regions/" + community + "/pool-grants");
    }

    static long pool(long community, String path) {
        return as(Tokens.admin()).get("/api/v1/regions/" + community + "/pool").then().statusCode(200)
                .extract().jsonPath().getLong(path);
    }
}
