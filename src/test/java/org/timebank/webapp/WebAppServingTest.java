package org.timebank.webapp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.timebank.support.Problems;
import org.timebank.support.Tokens;

/**
 * The web app is served by the service itself. src/test/resources/META-INF/resources holds a
 * real build (./mvnw builds it into target/classes before the tests) and a stand-in hashed bundle,
 * served as the real ones are from the jar. The tests compare with what {@code /index.html}
 * answers: a stand-in index.html would shadow the real one the browser tests need.
 */
@QuarkusTest
class WebAppServingTest {
    static final String BUNDLE_MARKER = "timebank-webapp-test-bundle";
    /** What Chromium sends when the address bar opens a page. */
    static final String BROWSER_ACCEPT =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    @Test
    void a_deep_link_opened_in_a_browser_is_answered_with_the_app() {
        for (String link : new String[] {"/volunteer", "/staff/claims", "/shop/till", "/login", "/staff/claims/"}) {
            appPage(given().accept(BROWSER_ACCEPT).get(link)).body(equalTo(index()));
        }
    }

    @Test
    void a_deep_link_with_a_query_is_the_app_too() {
        appPage(given().accept(BROWSER_ACCEPT).get("/staff/claims?community=3&from=2026-11-01"))
                .body(equalTo(index()));
    }

    @Test
    void a_head_request_for_a_deep_link_gets_the_apps_headers() {
        int length = given().accept(BROWSER_ACCEPT).get("/volunteer/history").then().statusCode(200)
                .extract().asByteArray().length;
        appHeaders(given().accept(BROWSER_ACCEPT).head("/volunteer/history").then().statusCode(200))
                .header("Content-Length", Integer.toString(length));
    }

    @Test
    void the_root_and_index_html_are_the_app_and_are_revalidated_on_every_use() {
        String index = appPage(given().get("/index.html")).extract().asString();
        assertTrue(index.contains("<html"), index);
        appPage(given().accept(BROWSER_ACCEPT).get("/")).body(equalTo(index));
    }

    @Test
    void a_revalidation_of_the_app_that_has_not_changed_is_answered_not_modified() {
        String lastModified = given().accept(BROWSER_ACCEPT).get("/shop/till").then().statusCode(200)
                .extract().header("Last-Modified");
        given().accept(BROWSER_ACCEPT).header("If-Modified-Since", lastModified).get("/shop/till").then()
                .statusCode(304)
                .header("Cache-Control", "no-cache");
    }

    @Test
    void the_same_path_asked_for_by_an_api_client_is_not_the_app() {
        Problems.assertProblem(given().accept("application/json").get("/staff/claims"), 404, "NOT_FOUND");
        Problems.assertProblem(given().get("/staff/claims"), 404, "NOT_FOUND");
    }

    @Test
    void the_two_answers_of_a_client_route_vary_with_accept() {
        given().accept(BROWSER_ACCEPT).get("/volunteer").then().statusCode(200)
                .header("Vary", containsString("Accept"));
        given().accept("application/json").get("/volunteer").then().statusCode(404)
                .header("Vary", containsString("Accept"));
    }

    @Test
    void paths_of_the_service_itself_are_never_the_app() {
        Problems.assertProblem(given().accept(BROWSER_ACCEPT).auth().oauth2(Tokens.admin()).get("/api/v1/nope"),
                404, "NOT_FOUND");
        Problems.assertProblem(given().accept(BROWSER_ACCEPT).get("/api"), 404, "NOT_FOUND");
        for (String path : new String[] {"/q/nope", "/dev/nope", "/.well-known/openid-configuration"}) {
            Response r = given().accept(BROWSER_ACCEPT).get(path);
            assertEquals(404, r.statusCode(), path);
            assertNotEquals(index(), r.asString(), path);
        }
    }

    @Test
    void a_path_that_names_a_file_is_never_the_app() {
        for (String path : new String[] {"/assets/missing.js", "/volunteer/photo.png", "/favicon.ico"}) {
            Response r = given().accept(BROWSER_ACCEPT).get(path);
            assertEquals(404, r.statusCode(), path);
            assertNotEquals(index(), r.asString(), path);
        }
    }

    @Test
    void a_write_to_a_client_route_is_not_the_app() {
        Response r = given().accept(BROWSER_ACCEPT).contentType("application/json").body("{}").post("/volunteer");
        assertEquals(404, r.statusCode());
        assertNotEquals(index(), r.asString());
    }

    @Test
    void hashed_assets_are_cached_for_a_year() {
        given().get("/assets/app-test1234.js").then()
                .statusCode(200)
                .contentType(containsString("javascript"))
                .header("Cache-Control", IMMUTABLE)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", startsWith("default-src 'self'"))
                .body(containsString(BUNDLE_MARKER));
    }

    @Test
    void a_missing_asset_is_a_404_that_no_one_keeps() {
        given().get("/assets/missing.js").then()
                .statusCode(404)
                .header("Cache-Control", not(containsString("immutable")));
    }

    @Test
    void the_apps_pages_carry_its_content_security_policy() {
        String csp = given().accept(BROWSER_ACCEPT).get("/staff/claims").then().statusCode(200)
                .extract().header("Content-Security-Policy");
        Map<String, String> directives = directives(csp);
        assertEquals(Map.ofEntries(
                Map.entry("default-src", "'self'"),
                Map.entry("script-src", "'self'"),
                Map.entry("style-src", "'self' 'unsafe-inline'"),
                Map.entry("img-src", "'self' data: blob:"),
                Map.entry("font-src", "'self' data:"),
                Map.entry("connect-src", "'self'"),
                Map.entry("media-src", "'self' blob:"),
                Map.entry("frame-ancestors", "'none'"),
                Map.entry("base-uri", "'self'"),
                Map.entry("form-action", "'self'"),
                Map.entry("object-src", "'none'")), directives);
    }

    @Test
    void quarkus_own_pages_and_the_api_get_no_content_security_policy() {
        given().get("/q/health/live").then().statusCode(200)
                .header("Content-Security-Policy", nullValue())
                .header("X-Frame-Options", nullValue());
        given().get("/q/swagger-ui/").then().statusCode(200)
                .header("Content-Security-Policy", nullValue());
        given().auth().oauth2(Tokens.admin()).get("/api/v1/regions").then().statusCode(200)
                .header("Content-Security-Policy", nullValue())
                .header("Cache-Control", nullValue())
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void the_app_config_in_the_test_profile_offers_the_demo_sign_in() {
        Response r = given().get("/app-config.json");
        r.then().statusCode(200)
                .contentType(startsWith("application/json"))
                .header("Cache-Control", "no-cache")
                .body("devMode", equalTo(true))
                .body("oidc", nullValue());
        assertTrue(r.jsonPath().getMap("$").containsKey("oidc"), "oidc is named, as null: " + r.asString());
        assertEquals(2, r.jsonPath().getMap("$").size(), r.asString());
    }

    @Test
    void the_app_config_is_the_apps_own_and_not_in_the_api_document() {
        Map<String, Object> paths = given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        assertFalse(paths.containsKey("/app-config.json"), paths.keySet().toString());
    }

    /** The app's index.html, as the static handler sends it. */
    static String index() {
        return given().get("/index.html").then().statusCode(200).extract().asString();
    }

    /** A policy's directives by name, each with its sources as written. */
    static Map<String, String> directives(String policy) {
        Map<String, String> directives = new LinkedHashMap<>();
        for (String directive : policy.split(";")) {
            String[] parts = directive.strip().split("\\s+", 2);
            directives.put(parts[0], parts.length > 1 ? parts[1] : "");
        }
        return directives;
    }

    private static ValidatableResponse appPage(Response response) {
        return appHeaders(response.then()
                .statusCode(200)
                .contentType(matchesPattern("(?i)text/html; ?charset=utf-8")));
    }

    private static ValidatableResponse appHeaders(ValidatableResponse response) {
        return response
                .header("Cache-Control", "no-cache")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY")
                .header("Permissions-Policy", "camera=(self), microphone=(), geolocation=()");
    }
}
