package org.timebank.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.File;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Production sign-in, end to end: the web app signs a staff member in through a real OpenID Provider
 * (Authorization Code with PKCE), and the service accepts the RS256 JWT access token it issued.
 */
@QuarkusTest
@TestProfile(OidcProviderResource.Profile.class)
class OidcSignInBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL root;

    @Inject
    DataSource db;

    /** The service trusts only the provider's tokens here, so the region is made in SQL, not with a demo admin token. */
    private long city() throws Exception {
        try (Connection c = db.getConnection();
                ResultSet r = c.createStatement().executeQuery(
                        "insert into region (level, name) values ('CITY', 'OIDC-" + System.nanoTime() + "') returning id")) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void a_staff_member_signs_in_with_the_organisation_account_lands_on_the_queue_and_signs_out() throws Exception {
        long region = city();
        Chromium.run(root, "e2e/oidc-sign-in.mjs", Map.of(
                "issuer", OidcProviderResource.issuer, "login", "staff-" + region, "region", region));
    }
}
