package org.timebank.family;

import static org.timebank.support.Api.as;

import io.restassured.response.Response;
import java.util.Map;
import org.timebank.support.Api;
import org.timebank.support.Tokens;

/** Family links made through the API. */
public final class FamilyFixtures {
    private FamilyFixtures() {}

    public static Response link(Api.Volunteer from, Api.Volunteer to) {
        return as(Tokens.volunteer(from.id())).header("Idempotency-Key", Api.key())
                .body(Map.of("memberId", to.id(), "relation", "子女"))
                .post("/api/v1/volunteers/" + from.id() + "/family-links");
    }

    public static Response linkStep(Api.Volunteer by, long linkId, String step) {
        return as(Tokens.volunteer(by.id())).header("Idempotency-Key", Api.key())
                .post("/api/v1/volunteers/" + by.id() + "/family-links/" + linkId + "/" + step);
    }

    /** A confirmed link between the two; returns its id. */
    public static long linked(Api.Volunteer a, Api.Volunteer b) {
        long id = link(a, b).then().statusCode(201).extract().jsonPath().getLong("id");
        linkStep(b, id, "confirmation").then().statusCode(200);
        return id;
    }
}
