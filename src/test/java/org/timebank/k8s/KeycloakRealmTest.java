package org.timebank.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Keycloak realm shipped under k8s/keycloak gives the web app what README "Web app" asks of an
 * identity provider: a public client with Authorization Code and PKCE (S256) only, and access tokens
 * carrying the groups, regions and shop claims the service reads. And the manifests that run it render.
 */
class KeycloakRealmTest {
    private static final Path DIR = Path.of("k8s/keycloak");

    private static JsonNode realm() throws Exception {
        return new ObjectMapper().readTree(DIR.resolve("realm-timebank.json").toFile());
    }

    private static JsonNode client() throws Exception {
        for (JsonNode c : realm().path("clients")) {
            if ("timebank-web".equals(c.path("clientId").asText())) {
                return c;
            }
        }
        throw new AssertionError("no client timebank-web in the realm");
    }

    @Test
    void the_web_app_is_a_public_client_signing_in_with_the_authorization_code_and_pkce_only() throws Exception {
        JsonNode c = client();
        assertTrue(c.path("publicClient").asBoolean(), "no secret in a browser");
        assertTrue(c.path("standardFlowEnabled").asBoolean());
        assertFalse(c.path("implicitFlowEnabled").asBoolean());
        assertFalse(c.path("directAccessGrantsEnabled").asBoolean(), "no passwords through the app");
        assertFalse(c.path("serviceAccountsEnabled").asBoolean());
        assertEquals("S256", c.at("/attributes/pkce.code.challenge.method").asText());
        assertEquals("RS256", c.at("/attributes/access.token.signed.response.alg").asText());
        assertTrue(c.path("redirectUris").get(0).asText().endsWith("/login/callback"));
        assertTrue(c.at("/attributes/post.logout.redirect.uris").asText().endsWith("/login"));
    }

    @Test
    void access_tokens_carry_groups_regions_and_shop_by_the_names_the_service_reads() throws Exception {
        Map<String, JsonNode> mappers = new HashMap<>();
        client().path("protocolMappers").forEach(m -> mappers.put(m.at("/config/claim.name").asText(), m));
        assertEquals(Set.of("groups", "regions", "shop"), mappers.keySet());
        mappers.values().forEach(m -> assertEquals("true", m.at("/config/access.token.claim").asText(), m.toString()));
        assertEquals("oidc-group-membership-mapper", mappers.get("groups").path("protocolMapper").asText());
        assertEquals("false", mappers.get("groups").at("/config/full.path").asText(), "staff, not /staff");
        assertEquals("long", mappers.get("regions").at("/config/jsonType.label").asText());
        assertEquals("true", mappers.get("regions").at("/config/multivalued").asText());
        assertEquals("shop", mappers.get("shop").at("/config/user.attribute").asText());
        Set<String> groups = new TreeSet<>();
        realm().path("groups").forEach(g -> groups.add(g.path("name").asText()));
        assertEquals(new TreeSet<>(Set.of("admin", "shop", "staff", "volunteer")), groups);
        // regions and shop are attributes only administrators set: a user cannot make themself staff of a region
        JsonNode profile = new ObjectMapper().readTree(realm().at(
                "/components/org.keycloak.userprofile.UserProfileProvider/0/config/kc.user.profile.config/0").asText());
        for (JsonNode a : profile.path("attributes")) {
            if (Set.of("regions", "shop").contains(a.path("name").asText())) {
                assertEquals("[\"admin\"]", a.at("/permissions/edit").toString(), a.path("name").asText());
            }
        }
    }

    @Test
    void the_keycloak_manifests_render_with_the_realm_mounted_for_import() throws Exception {
        Process p = new ProcessBuilder("kubectl", "kustomize", DIR.toString()).start();
        byte[] out;
        try (InputStream o = p.getInputStream()) {
            out = o.readAllBytes();
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        List<JsonNode> objects = new ArrayList<>();
        new YAMLMapper().readValues(new YAMLMapper().getFactory().createParser(out), JsonNode.class)
                .forEachRemaining(objects::add);
        JsonNode deployment = objects.stream().filter(o -> "Deployment".equals(o.path("kind").asText())).findFirst()
                .orElseThrow();
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertTrue(container.path("args").toString().contains("--import-realm"));
        assertEquals("/opt/keycloak/data/import", container.at("/volumeMounts/0/mountPath").asText());
        JsonNode realmMap = objects.stream().filter(o -> "ConfigMap".equals(o.path("kind").asText())
                && "keycloak-realm".equals(o.at("/metadata/name").asText())).findFirst().orElseThrow();
        assertEquals(realm(), new ObjectMapper().readTree(realmMap.at("/data/realm-timebank.json").asText()));
    }
}
