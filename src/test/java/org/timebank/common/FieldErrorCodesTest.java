package org.timebank.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.timebank.support.Api;
import org.timebank.support.Problems;
import org.timebank.support.Tokens;

/**
 * A field that breaks a rule is named with a documented stable code (not the name of a validation
 * annotation) and a detail in the caller's language, bounds included.
 */
@QuarkusTest
class FieldErrorCodesTest {
    private static final String HAN = "(?s).*\\p{IsHan}.*";

    private static Response adjust(String body, String language) {
        return given().auth().oauth2(Tokens.admin()).contentType("application/json").header("Accept-Language", language)
                .header(Idempotency.HEADER, Api.key()).body(body).post("/api/v1/ledger/adjustments");
    }

    static Stream<Arguments> fieldsThatBreakARule() {
        String reason = "\"reason\":\"test\"";
        return Stream.of(
                Arguments.of("{\"accountId\":1,\"direction\":\"CREDIT\"," + reason + "}", "amount", "FIELD_REQUIRED",
                        "必须填写“amount”", "Field \"amount\" is required"),
                Arguments.of("{\"accountId\":1,\"direction\":\"CREDIT\",\"amount\":0," + reason + "}", "amount",
                        "FIELD_TOO_SMALL", "“amount”须大于 0", "Field \"amount\" must be greater than 0"),
                Arguments.of("{\"accountId\":1,\"direction\":\"CREDIT\",\"amount\":1000000001," + reason + "}", "amount",
                        "FIELD_TOO_LARGE", "“amount”不能大于 1000000000", "Field \"amount\" must be at most 1000000000"),
                Arguments.of("{\"accountId\":1,\"direction\":\"CREDIT\",\"amount\":5,\"reason\":\"   \"}", "reason",
                        "FIELD_REQUIRED", "必须填写“reason”", "Field \"reason\" is required"),
                Arguments.of("{\"accountId\":1,\"direction\":\"CREDIT\",\"amount\":5,\"reason\":\"" + "x".repeat(501) + "\"}",
                        "reason", "FIELD_TOO_LONG", "“reason”最多 500 个字符",
                        "Field \"reason\" may have at most 500 characters"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("fieldsThatBreakARule")
    void a_broken_rule_has_a_stable_code_and_a_detail_in_the_callers_language(String body, String field, String code,
                                                                              String zh, String en) {
        Problems.assertProblem(adjust(body, "zh-CN"), 400, "VALIDATION_FAILED")
                .body("errors[0].field", equalTo(field))
                .body("errors[0].code", equalTo(code))
                .body("errors[0].detail", equalTo(zh))
                .body("errors[0].detail", matchesPattern(HAN));
        Problems.assertProblem(adjust(body, "en"), 400, "VALIDATION_FAILED")
                .body("errors[0].code", equalTo(code))
                .body("errors[0].detail", equalTo(en));
    }
}
