package org.timebank.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.LaunchMode;
import io.vertx.core.http.HttpMethod;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of serving the web app, without a server. */
class WebAppRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "TEXT/HTML", "application/json, text/html;q=0.1"})
    void a_browser_opening_a_page_asks_for_html(String accept) {
        assertTrue(WebAppServing.acceptsHtml(accept));
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/json", "application/problem+json, */*;q=0.5", "text/*",
            "text/html;q=0", "text/html; q=0.000, application/json", "text/htmlx", ""})
    void an_api_client_does_not(String accept) {
        assertFalse(WebAppServing.acceptsHtml(accept));
    }

    @Test
    void no_accept_header_is_no_browser() {
        assertFalse(WebAppServing.acceptsHtml(null));
    }

    @Test
    void only_reads_of_paths_without_an_extension_outside_the_service_are_client_routes() {
        assertTrue(WebAppServing.looksLikeClientRoute(HttpMethod.GET, "/staff/claims"));
        assertTrue(WebAppServing.looksLikeClientRoute(HttpMethod.HEAD, "/volunteer"));
        assertTrue(WebAppServing.looksLikeClientRoute(HttpMethod.GET, "/shop/till/"));
        assertTrue(WebAppServing.looksLikeClientRoute(HttpMethod.GET, "/queue"));
        assertTrue(WebAppServing.looksLikeClientRoute(HttpMethod.GET, "/apis"));
        assertFalse(WebAppServing.looksLikeClientRoute(HttpMethod.POST, "/volunteer"));
        assertFalse(WebAppServing.looksLikeClientRoute(HttpMethod.GET, "/"));
        assertFalse(WebAppServing.looksLikeClientRoute(HttpMethod.GET, "/assets/index-3f9a8b.js"));
        assertFalse(WebAppServing.looksLikeClientRoute(HttpMethod.GET, "/volunteers/v1.2"));
        for (String service : new String[] {"/api", "/api/v1/me", "/q", "/q/health", "/dev/tokens",
                "/.well-known/openid-configuration"}) {
            assertFalse(WebAppServing.looksLikeClientRoute(HttpMethod.GET, service), service);
        }
    }

    @Test
    void without_an_identity_provider_the_app_connects_to_itself_only() {
        String csp = WebAppServing.contentSecurityPolicy(Optional.empty());
        assertEquals("'self'", WebAppServingTest.directives(csp).get("connect-src"));
    }

    @Test
    void the_identity_providers_origin_is_its_scheme_host_and_port() {
        assertEquals("https://sso.example.org",
                new IdentityProvider("https://SSO.example.org/realms/timebank", "web").origin());
        assertEquals("http://localhost:3000", new IdentityProvider("http://localhost:3000/oidc", "web").origin());
        assertEquals("https://sso.example.org:8443",
                new IdentityProvider("https://sso.example.org:8443", "web").origin());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sso.example.org", "/realms/timebank", "ftp://sso.example.org", "https://",
            "https://sso.example.org/?tenant=1", "https://sso.example.org/#x", "https://user:pw@sso.example.org",
            "https://sso example.org"})
    void an_issuer_that_is_no_http_url_without_query_is_refused(String issuer) {
        assertThrows(IllegalArgumentException.class, () -> new IdentityProvider(issuer, "web"));
    }

    @Test
    void the_issuer_and_the_client_id_are_configured_together_or_not_at_all() {
        assertEquals(Optional.empty(), IdentityProvider.configured(config(null, null)));
        assertEquals(Optional.of(new IdentityProvider("https://sso.example.org", "web")),
                IdentityProvider.configured(config("https://sso.example.org", "web")));
        assertThrows(IllegalArgumentException.class, () -> IdentityProvider.configured(config("https://sso.example.org", null)));
        assertThrows(IllegalArgumentException.class, () -> IdentityProvider.configured(config(null, "web")));
        assertThrows(IllegalArgumentException.class, () -> IdentityProvider.configured(config("https://sso.example.org", " ")));
    }

    @Test
    void only_dev_mode_and_tests_offer_the_demo_identities() {
        assertTrue(AppConfigResource.AppConfig.of(LaunchMode.DEVELOPMENT, Optional.empty()).devMode());
        assertTrue(AppConfigResource.AppConfig.of(LaunchMode.TEST, Optional.empty()).devMode());
        assertFalse(AppConfigResource.AppConfig.of(LaunchMode.NORMAL, Optional.empty()).devMode());
        assertFalse(AppConfigResource.AppConfig.of(LaunchMode.RUN, Optional.empty()).devMode());
    }

    private static WebConfig config(String issuer, String clientId) {
        return new WebConfig() {
            @Override
            public Optional<String> oidcIssuer() {
                return Optional.ofNullable(issuer);
            }

            @Override
            public Optional<String> oidcClientId() {
                return Optional.ofNullable(clientId);
            }
        };
    }
}
