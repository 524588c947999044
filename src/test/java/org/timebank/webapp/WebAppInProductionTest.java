package org.timebank.webapp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.timebank.support.Problems;

/**
 * The service built and run with the production profile (the test profile's database and keys, and
 * an identity provider configured as production has one): the web app signs in there and nowhere
 * else, and the demo identities of dev mode do not exist.
 */
@QuarkusTest
@TestProfile(WebAppInProductionTest.Production.class)
class WebAppInProductionTest {
    static final String ISSUER = "https://sso.example.org:8443/realms/timebank";
    static final String CLIENT_ID = "timebank-web";

    /**
     * The prod profile, for building (what {@code @IfBuildProfile} keeps out) and for running, with
     * the test profile's settings (every {@code %test.} line of application.properties) on top.
     */
    public static class Production implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "prod";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>();
            Properties properties = new Properties();
            try (InputStream in = Production.class.getClassLoader().getResourceAsStream("application.properties")) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            properties.stringPropertyNames().stream().filter(k -> k.startsWith("%test."))
                    .forEach(k -> overrides.put(k.substring("%test.".length()), properties.getProperty(k)));
            overrides.put("timebank.web.oidc-issuer", ISSUER);
            overrides.put("timebank.web.oidc-client-id", CLIENT_ID);
            return overrides;
        }
    }

    @Test
    void the_app_config_names_the_identity_provider_to_sign_in_with() {
        given().get("/app-config.json").then().statusCode(200)
                .body("oidc", equalTo(Map.of("issuer", ISSUER, "clientId", CLIENT_ID)));
    }

    @Test
    void the_app_may_connect_to_itself_and_to_its_identity_provider_only() {
        String csp = given().accept(WebAppServingTest.BROWSER_ACCEPT).get("/volunteer").then().statusCode(200)
                .extract().header("Content-Security-Policy");
        assertEquals("'self' https://sso.example.org:8443", WebAppServingTest.directives(csp).get("connect-src"));
    }

    @Test
    void there_are_no_demo_tokens() {
        Problems.assertProblem(given().get("/dev/tokens"), 404, "NOT_FOUND");
        given().accept(WebAppServingTest.BROWSER_ACCEPT).get("/dev/tokens").then().statusCode(404)
                .body(not(equalTo(WebAppServingTest.index())));
    }
}
