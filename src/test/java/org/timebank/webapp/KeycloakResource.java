package org.timebank.webapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Keycloak itself (the server distribution the build unpacks into target/keycloak) with the realm the
 * project ships, k8s/keycloak/realm-timebank.json, started before the service, which then trusts it as
 * production would: its issuer and the realm's keys. Through Keycloak's admin REST API the client's
 * redirect URIs are pointed at the test service, as a deployer points them at the deployment, and a
 * staff member and a shop operator are created.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {
    static final String REALM = "timebank";
    static final String CLIENT_ID = "timebank-web";
    static final String STAFF = "staff-kc";
    static final String SHOP = "shop-kc";
    /** One password per run: nothing outside the test knows it. */
    static final String PASSWORD = "Pw-" + UUID.randomUUID();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static volatile String base;
    static volatile String issuer;
    /** The web app's redirect URI at the test service. */
    static volatile String redirectUri;
    /** How long Keycloak took until its discovery document answered. */
    static volatile Duration startedIn;

    private Process keycloak;

    /** The test profile that runs the service against this Keycloak. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KeycloakResource.class));
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
        int port = freePort();
        int managementPort = freePort();
        int servicePort = freePort();
        base = "http://127.0.0.1:" + port;
        issuer = base + "/realms/" + REALM;
        redirectUri = "http://localhost:" + servicePort + "/login/callback";
        try {
            Path home = home();
            // a fresh realm on every run: start-dev keeps its H2 database under data/, and an import never
            // overwrites a realm that exists
            deleteTree(home.resolve("data"));
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(Paths.get("k8s/keycloak/realm-timebank.json"), imports.resolve("realm-timebank.json"),
                    StandardCopyOption.REPLACE_EXISTING);
            Path log = home.resolve("../keycloak.log").normalize();
            Path java = javaHome();
            ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + managementPort,
                    "--hostname=" + base)
                    .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = pb.environment();
            // Keycloak is a Quarkus application too: none of this build's settings may reach it
            env.keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("KC_") || k.startsWith("KEYCLOAK_")
                    || k.startsWith("JAVA_OPTS"));
            env.put("JAVA_HOME", java.toString());
            env.put("PATH", java.resolve("bin") + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD);
            long t0 = System.nanoTime();
            keycloak = pb.start();
            awaitDiscovery(log);
            startedIn = Duration.ofNanos(System.nanoTime() - t0);
            System.out.println("[keycloak] " + issuer + " answered after " + startedIn.toSeconds() + " s (log: " + log + ")");
            configure(servicePort);
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | InterruptedException e) {
            stop();
            throw new IllegalStateException("Keycloak did not start: " + e.getMessage(), e);
        }
        String certs = issuer + "/protocol/openid-connect/certs";
        // the %test values of application.properties win over plain keys, so both are set
        return Map.of(
                "quarkus.http.test-port", Integer.toString(servicePort),
                "mp.jwt.verify.issuer", issuer,
                "%test.mp.jwt.verify.issuer", issuer,
                "mp.jwt.verify.publickey.location", certs,
                "%test.mp.jwt.verify.publickey.location", certs,
                "timebank.web.oidc-issuer", issuer,
                "timebank.web.oidc-client-id", CLIENT_ID);
    }

    /** The distribution the build unpacked (pom.xml, maven-dependency-plugin). */
    private static Path home() {
        String configured = System.getProperty("keycloak.home");
        Path home = configured != null ? Paths.get(configured) : null;
        if (home == null || !Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("no Keycloak distribution at " + home
                    + " (the build unpacks it in generate-test-resources; run through Maven)");
        }
        return home;
    }

    /**
     * The JDK Keycloak runs on: 21 or later where there is one (what Keycloak 26 documents), else the
     * build's own (Keycloak 26.7.3 was seen starting and serving the realm on OpenJDK 17 too), so
     * that a machine with only Java 17 still runs the test.
     */
    private static Path javaHome() throws IOException {
        if (Runtime.version().feature() >= 21) {
            return Paths.get(System.getProperty("java.home"));
        }
        String configured = System.getenv("KEYCLOAK_JAVA_HOME");
        if (configured != null) {
            return Paths.get(configured);
        }
        Path jvms = Paths.get("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> dirs = Files.list(jvms)) {
                Optional<Path> newer = dirs.filter(d -> Files.isExecutable(d.resolve("bin/java")) && feature(d) >= 21)
                        .max(Comparator.comparingInt(KeycloakResource::feature));
                if (newer.isPresent()) {
                    return newer.get();
                }
            }
        }
        System.out.println("[keycloak] no JDK >= 21 found (KEYCLOAK_JAVA_HOME, /usr/lib/jvm): running it on "
                + System.getProperty("java.home"));
        return Paths.get(System.getProperty("java.home"));
    }

    private static int feature(Path jdk) {
        try {
            Matcher m = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.readString(jdk.resolve("release")));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        } catch (IOException | RuntimeException e) {
            // no release file: read the version from the directory's name (java-21-openjdk-amd64, temurin-25-jdk)
        }
        Matcher named = Pattern.compile("-(\\d+)-").matcher(jdk.getFileName().toString());
        return named.find() ? Integer.parseInt(named.group(1)) : 0;
    }

    private void awaitDiscovery(Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        URI discovery = URI.create(issuer + "/.well-known/openid-configuration");
        while (System.nanoTime() < deadline) {
            if (!keycloak.isAlive()) {
                throw new IllegalStateException("Keycloak ended with " + keycloak.exitValue() + ": " + tail(log));
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && issuer.equals(JSON.readTree(r.body()).path("issuer").asText())) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("no discovery document after " + STARTUP.toSeconds() + " s: " + tail(log));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** As a deployer would: the client's redirect URIs name the service's address; then the people. */
    private void configure(int servicePort) throws IOException, InterruptedException {
        String app = "http://localhost:" + servicePort;
        ObjectNode client = (ObjectNode) admin("GET", "/clients?clientId=" + CLIENT_ID, null).get(0);
        client.put("rootUrl", app);
        client.set("redirectUris", JSON.createArrayNode().add(redirectUri));
        client.set("webOrigins", JSON.createArrayNode().add(app));
        attributes(client).put("post.logout.redirect.uris", app + "/login");
        admin("PUT", "/clients/" + client.get("id").asText(), client);
        createUser(STAFF, "staff");
        createUser(SHOP, "shop");
    }

    private static void createUser(String username, String group) throws IOException, InterruptedException {
        ObjectNode user = JSON.createObjectNode()
                .put("username", username).put("enabled", true)
                .put("email", username + "@timebank.example.invalid").put("emailVerified", true)
                .put("firstName", username).put("lastName", "Keycloak");
        user.putArray("groups").add("/" + group);
        user.putArray("credentials").addObject().put("type", "password").put("value", PASSWORD).put("temporary", false);
        admin("POST", "/users", user);
    }

    /** Sets a user attribute (the staff member's regions, the operator's shop) once what it names exists. */
    static void setAttribute(String username, String name, List<String> values) throws IOException, InterruptedException {
        JsonNode found = admin("GET", "/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8), null);
        String id = found.get(0).get("id").asText();
        ObjectNode user = (ObjectNode) admin("GET", "/users/" + id, null);
        ArrayNode array = attributes(user).putArray(name);
        values.forEach(array::add);
        admin("PUT", "/users/" + id, user);
        JsonNode stored = admin("GET", "/users/" + id, null).path("attributes").path(name);
        List<String> now = stored.isArray()
                ? StreamSupport.stream(stored.spliterator(), false).map(JsonNode::asText).toList() : List.of();
        if (!now.equals(values)) {
            throw new IllegalStateException("Keycloak kept " + name + "=" + now + " for " + username + ", not " + values);
        }
    }

    private static ObjectNode attributes(ObjectNode representation) {
        return representation.get("attributes") instanceof ObjectNode a ? a : representation.putObject("attributes");
    }

    private static String adminToken() throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", PASSWORD))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("admin token: " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).get("access_token").asText();
    }

    private static JsonNode admin(String method, String path, JsonNode body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/admin/realms/" + REALM + path))
                .header("Authorization", "Bearer " + adminToken()).timeout(Duration.ofSeconds(30));
        if (body != null) {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public void stop() {
        Process p = keycloak;
        if (p == null) {
            return;
        }
        keycloak = null;
        List<ProcessHandle> children = p.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                children.forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
