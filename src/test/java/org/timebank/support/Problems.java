package org.timebank.support;

import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** Assertions on RFC 9457 problem documents, the shape every refusal of this API takes. */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {}

    /** The status, the stable code, and what every problem carries: its type, a status echo and a detail. */
    public static ValidatableResponse assertProblem(Response response, int status, String code) {
        return response.then()
                .statusCode(status)
                .contentType(startsWith(MEDIA_TYPE))
                .body("code", equalTo(code))
                .body("status", equalTo(status))
                .body("type", equalTo("urn:timebank:problem:" + code))
                .body("detail", not(emptyOrNullString()));
    }
}
