package org.timebank.webapp;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A real OpenID Provider (panva's oidc-provider, src/main/webui/e2e/oidc-provider.mjs) started before
 * the service, which then trusts it as production would trust the organisation's: its issuer, its
 * JWKS, and the web app's sign-in settings.
 */
public class OidcProviderResource implements QuarkusTestResourceLifecycleManager {
    static final String CLIENT_ID = "timebank-web";
    static volatile String issuer;
    private Process node;

    /** The test profile that runs the service against this provider. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OidcProviderResource.class));
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> start() {
        int providerPort = freePort();
        int servicePort = freePort();
        try {
            // the client's redirect URI names the service's address, so the service's port is chosen here
            ProcessBuilder pb = new ProcessBuilder("node", "e2e/oidc-provider.mjs").directory(new File("src/main/webui"))
                    .redirectErrorStream(true);
            pb.environment().put("PORT", Integer.toString(providerPort));
            // oidc-client-ts renews a minute before expiry: 70 s lets the test see a renewal in about 10 s
            pb.environment().put("ACCESS_TTL", "70");
            pb.environment().put("APP", "http://localhost:" + servicePort);
            node = pb.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("ready ")) {
                System.out.println("[oidc-provider] " + line);
            }
            if (line == null) {
                throw new IllegalStateException("oidc-provider ended before it listened");
            }
            issuer = line.substring("ready ".length()).trim();
            Thread drain = new Thread(() -> out.lines().forEach(l -> System.out.println("[oidc-provider] " + l)));
            drain.setDaemon(true);
            drain.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the %test values of application.properties win over plain keys, so both are set
        return Map.of(
                "quarkus.http.test-port", Integer.toString(servicePort),
                "mp.jwt.verify.issuer", issuer,
                "%test.mp.jwt.verify.issuer", issuer,
                "mp.jwt.verify.publickey.location", issuer + "/jwks",
                "%test.mp.jwt.verify.publickey.location", issuer + "/jwks",
                "timebank.web.oidc-issuer", issuer,
                "timebank.web.oidc-client-id", CLIENT_ID);
    }

    @Override
    public void stop() {
        if (node != null) {
            node.destroy();
        }
    }
}
