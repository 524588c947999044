package org.timebank.webapp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.timebank.redemption.ShopService;
import org.timebank.redemption.domain.NewShop;
import org.timebank.redemption.domain.ShopKind;

/**
 * Signing in against Keycloak itself with the realm the project ships (k8s/keycloak/realm-timebank.json):
 * the web app's Authorization Code flow with PKCE (S256), done here in plain HTTP as the browser would
 * (Keycloak's own login form), and the access token Keycloak issues used on the service, which trusts
 * only Keycloak's tokens in this profile. The realm's mappers put {@code groups}, {@code regions} and
 * {@code shop} into the token; the service reads its callers from them.
 */
@QuarkusTest
@TestProfile(KeycloakResource.Profile.class)
class KeycloakSignInTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    DataSource db;

    @Inject
    ShopService shops;

    /** A city with a community under it, made in SQL: no token here may create regions. Returns {city, community}. */
    private long[] cityWithCommunity() throws Exception {
        String tag = "KC-" + System.nanoTime();
        try (Connection c = db.getConnection();
                ResultSet r = c.createStatement().executeQuery(
                        "with city as (insert into region (level, name) values ('CITY', '" + tag + "') returning id),"
                                + " district as (insert into region (parent_id, level, name) select id, 'DISTRICT', 'D' from city returning id),"
                                + " street as (insert into region (parent_id, level, name) select id, 'STREET', 'S' from district returning id),"
                                + " community as (insert into region (parent_id, level, name) select id, 'COMMUNITY', 'C' from street returning id)"
                                + " select city.id, community.id from city, community")) {
            r.next();
            return new long[] {r.getLong(1), r.getLong(2)};
        }
    }

    private long shopIn(long community) {
        return QuarkusTransaction.requiringNew().call(() -> shops.create("keycloak-test",
                new NewShop("Keycloak shop " + System.nanoTime(), ShopKind.PARTNER_SHOP, community)).id());
    }

    // ---- the browser's side of the flow, in plain HTTP ----

    private record Authorization(String code, String verifier) {
    }

    private static JsonNode discovery() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(KeycloakResource.issuer + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        return JSON.readTree(r.body());
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String s256(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String unescapeHtml(String s) {
        return s.replace("&amp;", "&").replace("&#61;", "=").replace("&#x3d;", "=").replace("&quot;", "\"");
    }

    /**
     * A browser's cookie jar for Keycloak's loopback address. Keycloak marks its login cookies Secure; a browser
     * sends those to http://127.0.0.1 (a loopback origin is a secure context) but java.net.CookieManager does
     * not, so the jar is kept here: name and value, sent back to the same host.
     */
    private static final class Browser {
        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        private final Map<String, String> cookies = new LinkedHashMap<>();
        private final List<String> seen = new ArrayList<>();

        HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String set : r.headers().allValues("Set-Cookie")) {
                seen.add(set);
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                if (value.isEmpty() || set.toLowerCase().contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return r;
        }
    }

    /** As the web app and a browser do: the authorization request with a fresh PKCE pair, Keycloak's login form, the redirect. */
    private static Authorization authorize(String username) throws Exception {
        JsonNode discovery = discovery();
        Browser browser = new Browser();
        String verifier = random();
        String state = random();
        Map<String, String> request = new LinkedHashMap<>();
        request.put("client_id", KeycloakResource.CLIENT_ID);
        request.put("response_type", "code");
        request.put("scope", "openid");
        request.put("redirect_uri", KeycloakResource.redirectUri);
        request.put("state", state);
        request.put("nonce", random());
        request.put("code_challenge", s256(verifier));
        request.put("code_challenge_method", "S256");
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(
                URI.create(discovery.get("authorization_endpoint").asText() + "?" + KeycloakResource.form(request))));
        assertEquals(200, page.statusCode(), "Keycloak shows its login form: " + page.body());
        Matcher form = Pattern.compile("<form[^>]*\\baction=\"([^\"]*login-actions/authenticate[^\"]*)\"").matcher(page.body());
        assertTrue(form.find(), "a login form in Keycloak's page: " + page.body());
        URI action = URI.create(unescapeHtml(form.group(1)));
        assertEquals(URI.create(KeycloakResource.base).getAuthority(), action.getAuthority(), "the form posts back to Keycloak");

        HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(KeycloakResource.form(Map.of(
                        "username", username, "password", KeycloakResource.PASSWORD, "credentialId", "")))));
        assertEquals(302, posted.statusCode(), "signed in, Keycloak redirects to the web app (cookies " + browser.seen + "): "
                + posted.body());
        URI location = URI.create(posted.headers().firstValue("Location").orElseThrow());
        assertTrue(location.toString().startsWith(KeycloakResource.redirectUri + "?"),
                "back at the web app's registered callback: " + location);
        Map<String, String> answer = query(location);
        assertEquals(state, answer.get("state"));
        assertEquals(KeycloakResource.issuer, answer.get("iss"), "the authorization response names its issuer");
        assertNotNull(answer.get("code"));
        return new Authorization(answer.get("code"), verifier);
    }

    private static HttpResponse<String> exchange(String code, String verifier) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(discovery().get("token_endpoint").asText()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(KeycloakResource.form(Map.of(
                        "grant_type", "authorization_code", "code", code, "redirect_uri", KeycloakResource.redirectUri,
                        "client_id", KeycloakResource.CLIENT_ID, "code_verifier", verifier))))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String signIn(String username) throws Exception {
        Authorization a = authorize(username);
        HttpResponse<String> tokens = exchange(a.code(), a.verifier());
        assertEquals(200, tokens.statusCode(), tokens.body());
        JsonNode body = JSON.readTree(tokens.body());
        assertEquals("Bearer", body.get("token_type").asText());
        return body.get("access_token").asText();
    }

    private static JsonNode claims(String jwt) throws Exception {
        String[] parts = jwt.split("\\.");
        assertEquals(3, parts.length, "a JWS");
        assertEquals("RS256", JSON.readTree(Base64.getUrlDecoder().decode(parts[0])).get("alg").asText());
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    // ---- the tests ----

    @Test
    void the_realm_requires_pkce_with_s256() throws Exception {
        JsonNode discovery = discovery();
        assertEquals(KeycloakResource.issuer, discovery.get("issuer").asText());
        assertTrue(texts(discovery.get("code_challenge_methods_supported")).contains("S256"));
        // the shipped client refuses an authorization request without a code challenge
        Map<String, String> request = new LinkedHashMap<>();
        request.put("client_id", KeycloakResource.CLIENT_ID);
        request.put("response_type", "code");
        request.put("scope", "openid");
        request.put("redirect_uri", KeycloakResource.redirectUri);
        request.put("state", random());
        HttpResponse<String> noPkce = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(
                HttpRequest.newBuilder(URI.create(discovery.get("authorization_endpoint").asText() + "?"
                        + KeycloakResource.form(request))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, noPkce.statusCode(), noPkce.body());
        Map<String, String> error = query(URI.create(noPkce.headers().firstValue("Location").orElseThrow()));
        assertEquals("invalid_request", error.get("error"), error.toString());
        assertFalse(error.containsKey("code"));
    }

    @Test
    void a_code_exchanged_with_the_wrong_verifier_is_refused() throws Exception {
        Authorization a = authorize(KeycloakResource.STAFF);
        HttpResponse<String> wrong = exchange(a.code(), random());
        assertEquals(400, wrong.statusCode(), wrong.body());
        assertEquals("invalid_grant", JSON.readTree(wrong.body()).get("error").asText(), wrong.body());
        assertFalse(wrong.body().contains("access_token"));
    }

    @Test
    void a_staff_member_signs_in_and_serves_only_their_regions() throws Exception {
        long[] mine = cityWithCommunity();
        long[] elsewhere = cityWithCommunity();
        KeycloakResource.setAttribute(KeycloakResource.STAFF, "regions", List.of(Long.toString(mine[0])));

        String token = signIn(KeycloakResource.STAFF);
        JsonNode claims = claims(token);
        assertEquals(KeycloakResource.issuer, claims.get("iss").asText());
        assertEquals(KeycloakResource.CLIENT_ID, claims.get("azp").asText());
        assertEquals(List.of("staff"), texts(claims.get("groups")), "the group mapper, short names: " + claims);
        assertTrue(claims.get("regions").isArray() && claims.get("regions").get(0).isIntegralNumber(),
                "regions is a multivalued long: " + claims);
        assertEquals(List.of(Long.toString(mine[0])), texts(claims.get("regions")));
        assertFalse(claims.has("shop"), claims.toString());

        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200)
                .body("roles", hasItem("staff"))
                .body("staffRegions.id", equalTo(List.of((int) mine[0])));
        given().auth().oauth2(token).get("/api/v1/regions/" + mine[0] + "/hours-liability").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/regions/" + mine[1] + "/hours-liability").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/regions/" + elsewhere[0] + "/hours-liability").then()
                .statusCode(403).contentType("application/problem+json").body("code", equalTo("NOT_IN_SCOPE"));
        // nor is a staff member a shop operator
        long shop = shopIn(mine[1]);
        given().auth().oauth2(token).get("/api/v1/shops/" + shop + "/redemptions").then()
                .statusCode(403).contentType("application/problem+json");
    }

    @Test
    void a_shop_operator_signs_in_as_its_shop() throws Exception {
        long[] region = cityWithCommunity();
        long shop = shopIn(region[1]);
        long other = shopIn(region[1]);
        KeycloakResource.setAttribute(KeycloakResource.SHOP, "shop", List.of(Long.toString(shop)));

        String token = signIn(KeycloakResource.SHOP);
        JsonNode claims = claims(token);
        assertEquals(List.of("shop"), texts(claims.get("groups")), claims.toString());
        assertEquals(Long.toString(shop), claims.get("shop").asText(), claims.toString());
        assertFalse(claims.has("regions"), claims.toString());

        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200)
                .body("roles", hasItem("shop"))
                .body("shop.id", equalTo((int) shop));
        given().auth().oauth2(token).get("/api/v1/shops/" + shop + "/redemptions").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/shops/" + other + "/redemptions").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token).get("/api/v1/regions/" + region[0] + "/hours-liability").then()
                .statusCode(403).contentType("application/problem+json");
    }
}
