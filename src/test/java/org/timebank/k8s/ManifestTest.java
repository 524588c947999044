package org.timebank.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The deployment manifests, checked offline: each overlay renders with kustomize (kubectl's), every
 * object is a well-formed Kubernetes object (the core kinds read as their typed models, with no
 * field the model does not know), and the settings that keep the service available, confined
 * and watched are there.
 */
class ManifestTest {
    static final Path K8S = Path.of("k8s");
    static final Map<String, Class<?>> TYPED = Map.of(
            "Deployment", Deployment.class, "Service", Service.class, "ConfigMap", ConfigMap.class,
            "Secret", Secret.class, "ServiceAccount", ServiceAccount.class,
            "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class, "PodDisruptionBudget", PodDisruptionBudget.class,
            "NetworkPolicy", NetworkPolicy.class);
    static final Map<String, String> NAMESPACES = Map.of("dev", "timebank-dev", "prod", "timebank");
    static final String PLACEHOLDER = "REPLACE_ME";
    // what the service must be given in production (README "Configuration")
    static final List<String> REQUIRED_ENV = List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD", "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_ISSUER",
            "TIMEBANK_PII_ENCRYPTION_KEY", "TIMEBANK_PII_HASH_KEY", "TIMEBANK_LEDGER_CHECKPOINTS_SIGNING_KEY",
            "TIMEBANK_LEDGER_CHECKPOINTS_PUBLIC_KEY", "TIMEBANK_AUTH_ISSUER", "TIMEBANK_AUTH_SIGNING_KEY",
            "TIMEBANK_AUTH_PUBLIC_KEY", "TIMEBANK_WECHAT_APP_ID", "TIMEBANK_WECHAT_APP_SECRET");

    static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private static final Map<String, List<JsonNode>> RENDERED = new HashMap<>();

    /** The overlay's objects, as kubectl kustomize renders them. */
    static synchronized List<JsonNode> render(String overlay) throws IOException, InterruptedException {
        List<JsonNode> rendered = RENDERED.get(overlay);
        if (rendered == null) {
            rendered = kustomize(overlay);
            RENDERED.put(overlay, rendered);
        }
        return rendered;
    }

    private static List<JsonNode> kustomize(String overlay) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("kubectl", "kustomize", K8S.resolve("overlays").resolve(overlay).toString())
                    .redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new AssertionError("kubectl is needed to render k8s/ with its built-in kustomize, and it is not "
                    + "on the PATH (" + e.getMessage() + "). Install kubectl and run the test again.", e);
        }
        byte[] out;
        byte[] err;
        try (InputStream o = p.getInputStream(); InputStream e = p.getErrorStream()) {
            out = o.readAllBytes();
            err = e.readAllBytes();
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize did not finish");
        assertEquals(0, p.exitValue(), () -> "kubectl kustomize k8s/overlays/" + overlay + " failed:\n"
                + new String(err, StandardCharsets.UTF_8));
        List<JsonNode> objects = new ArrayList<>();
        new YAMLMapper().readValues(new YAMLMapper().getFactory().createParser(out), JsonNode.class)
                .forEachRemaining(n -> {
                    if (n != null && !n.isNull() && !n.isEmpty()) {
                        objects.add(n);
                    }
                });
        assertFalse(objects.isEmpty(), overlay + " rendered nothing");
        return objects;
    }

    static JsonNode one(List<JsonNode> objects, String kind) {
        List<JsonNode> found = all(objects, kind);
        assertEquals(1, found.size(), () -> "one " + kind + " expected, found " + found.size());
        return found.get(0);
    }

    static List<JsonNode> all(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    static JsonNode named(List<JsonNode> objects, String kind, String name) {
        return all(objects, kind).stream().filter(o -> name.equals(o.at("/metadata/name").asText())).findFirst()
                .orElse(null);
    }

    static Map<String, String> labels(JsonNode node) {
        Map<String, String> m = new HashMap<>();
        node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    static boolean selects(JsonNode matchLabels, JsonNode podLabels) {
        Map<String, String> wanted = labels(matchLabels);
        return !wanted.isEmpty() && labels(podLabels).entrySet().containsAll(wanted.entrySet());
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    static JsonNode container(List<JsonNode> objects) {
        List<JsonNode> containers = list(one(objects, "Deployment").at("/spec/template/spec/containers"));
        assertEquals(1, containers.size());
        return containers.get(0);
    }

    static Properties applicationProperties() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            p.load(in);
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void every_object_renders_as_a_well_formed_kubernetes_object_of_its_environment(String overlay) throws Exception {
        for (JsonNode o : render(overlay)) {
            String id = o.path("kind").asText() + "/" + o.at("/metadata/name").asText();
            assertFalse(o.path("apiVersion").asText().isBlank(), id + ": apiVersion");
            assertFalse(o.path("kind").asText().isBlank(), id + ": kind");
            assertTrue(o.at("/metadata/name").asText().matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?"), id + ": name");
            assertEquals(NAMESPACES.get(overlay), o.at("/metadata/namespace").asText(), id + ": namespace");
            Class<?> type = TYPED.get(o.path("kind").asText());
            if (type != null) {
                Object typed = STRICT.treeToValue(o, type);
                assertEquals(List.of(), unknownFields(typed, id, new IdentityHashMap<>()), id + ": fields its kind lacks");
            }
        }
    }

    /** Paths of fields that a typed model kept aside as unknown (a misspelt or misplaced field). */
    static List<String> unknownFields(Object model, String path, IdentityHashMap<Object, Boolean> seen) throws Exception {
        List<String> unknown = new ArrayList<>();
        if (model == null || seen.put(model, true) != null) {
            return unknown;
        }
        if (model instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                unknown.addAll(unknownFields(l.get(i), path + "[" + i + "]", seen));
            }
            return unknown;
        }
        if (model instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                unknown.addAll(unknownFields(e.getValue(), path + "." + e.getKey(), seen));
            }
            return unknown;
        }
        if (!model.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return unknown;
        }
        for (Method getter : model.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value = getter.invoke(model);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + " " + extra.keySet());
                }
            } else {
                unknown.addAll(unknownFields(value, path + "." + getter.getName().substring(3), seen));
            }
        }
        return unknown;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void the_deployment_rolls_replicas_over_without_losing_capacity_and_probes_the_health_endpoints(String overlay)
            throws Exception {
        List<JsonNode> objects = render(overlay);
        JsonNode d = one(objects, "Deployment");
        assertTrue(d.at("/spec/replicas").asInt() >= 2, "two replicas or more");
        assertEquals("RollingUpdate", d.at("/spec/strategy/type").asText());
        assertEquals(0, d.at("/spec/strategy/rollingUpdate/maxUnavailable").asInt(), "no capacity lost in a rollout");
        assertTrue(selects(d.at("/spec/selector/matchLabels"), d.at("/spec/template/metadata/labels")));

        JsonNode c = container(objects);
        Map<String, Integer> ports = new HashMap<>();
        list(c.path("ports")).forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
        assertEquals(8080, ports.get("http"));
        Map<String, String> probes = Map.of("startupProbe", "/q/health/started", "readinessProbe", "/q/health/ready",
                "livenessProbe", "/q/health/live");
        probes.forEach((probe, path) -> {
            JsonNode get = c.path(probe).path("httpGet");
            assertEquals(path, get.path("path").asText(), probe);
            int port = get.path("port").isInt() ? get.path("port").asInt() : ports.getOrDefault(get.path("port").asText(), -1);
            assertEquals(8080, port, probe + " port");
        });
        for (String kind : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                assertFalse(c.at("/resources/" + kind + "/" + resource).asText().isBlank(), kind + "." + resource);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void the_pod_runs_unprivileged_on_a_read_only_root_filesystem_with_a_writable_tmp(String overlay) throws Exception {
        List<JsonNode> objects = render(overlay);
        JsonNode pod = one(objects, "Deployment").at("/spec/template/spec");
        JsonNode c = container(objects);
        assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean());
        assertTrue(pod.at("/securityContext/runAsUser").asInt() > 0);
        assertEquals("RuntimeDefault", pod.at("/securityContext/seccompProfile/type").asText());
        assertFalse(pod.path("automountServiceAccountToken").asBoolean(true), "no Kubernetes API token mounted");
        assertTrue(c.at("/securityContext/readOnlyRootFilesystem").asBoolean());
        assertFalse(c.at("/securityContext/allowPrivilegeEscalation").asBoolean(true));
        assertEquals(List.of("ALL"), list(c.at("/securityContext/capabilities/drop")).stream().map(JsonNode::asText).toList());
        assertTrue(c.at("/securityContext/capabilities/add").isMissingNode());
        String tmpVolume = list(c.path("volumeMounts")).stream().filter(m -> m.path("mountPath").asText().equals("/tmp"))
                .map(m -> m.path("name").asText()).findFirst().orElseThrow(() -> new AssertionError("/tmp is not mounted"));
        assertTrue(list(pod.path("volumes")).stream().anyMatch(v -> v.path("name").asText().equals(tmpVolume)
                && v.has("emptyDir")), "/tmp is an emptyDir");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void on_shutdown_the_pod_leaves_the_endpoints_first_and_gets_time_to_finish_its_requests(String overlay)
            throws Exception {
        List<JsonNode> objects = render(overlay);
        JsonNode pod = one(objects, "Deployment").at("/spec/template/spec");
        List<JsonNode> preStop = list(container(objects).at("/lifecycle/preStop/exec/command"));
        assertEquals("sleep", preStop.get(0).asText());
        long pauseSeconds = Long.parseLong(preStop.get(1).asText());
        assertTrue(pauseSeconds >= 5, "endpoints and ingress need a few seconds to drop the pod");
        Duration drain = Duration.parse("PT" + applicationProperties().getProperty("quarkus.shutdown.timeout").toUpperCase());
        long grace = pod.path("terminationGracePeriodSeconds").asLong();
        assertTrue(grace > pauseSeconds + drain.toSeconds(),
                "terminationGracePeriodSeconds " + grace + " must cover the preStop pause and quarkus.shutdown.timeout");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void the_service_is_configured_and_points_at_the_database_clusters_read_write_service(String overlay)
            throws Exception {
        List<JsonNode> objects = render(overlay);
        JsonNode c = container(objects);
        String cluster = one(objects, "Cluster").at("/metadata/name").asText();
        Set<String> provided = new HashSet<>();
        Map<String, String> fromConfigMaps = new HashMap<>();
        for (JsonNode from : list(c.path("envFrom"))) {
            if (from.has("configMapRef")) {
                JsonNode cm = named(objects, "ConfigMap", from.at("/configMapRef/name").asText());
                assertNotNull(cm, "ConfigMap " + from.at("/configMapRef/name").asText() + " is rendered");
                cm.path("data").fields().forEachRemaining(e -> fromConfigMaps.put(e.getKey(), e.getValue().asText()));
            } else {
                // the keys of a Secret are those of its template, whether or not the overlay renders it
                String name = from.at("/secretRef/name").asText();
                secretTemplate(name).path("stringData").fieldNames().forEachRemaining(provided::add);
            }
        }
        provided.addAll(fromConfigMaps.keySet());
        list(c.path("env")).forEach(e -> provided.add(e.path("name").asText()));
        assertTrue(provided.containsAll(REQUIRED_ENV), () -> "missing: " + REQUIRED_ENV.stream()
                .filter(v -> !provided.contains(v)).toList());
        assertTrue(fromConfigMaps.get("QUARKUS_DATASOURCE_JDBC_URL")
                .startsWith("jdbc:postgresql://" + cluster + "-rw:5432/"), fromConfigMaps.get("QUARKUS_DATASOURCE_JDBC_URL"));

        // migrations as the database's owner (CloudNativePG's <cluster>-app), the service as its managed role
        Map<String, String> secretOf = new HashMap<>();
        list(c.path("env")).forEach(e -> secretOf.put(e.path("name").asText(), e.at("/valueFrom/secretKeyRef/name").asText()));
        assertEquals(cluster + "-app", secretOf.get("QUARKUS_FLYWAY_USERNAME"));
        assertEquals(cluster + "-app", secretOf.get("QUARKUS_FLYWAY_PASSWORD"));
        JsonNode role = one(objects, "Cluster").at("/spec/managed/roles/0");
        assertEquals(role.at("/passwordSecret/name").asText(), secretOf.get("QUARKUS_DATASOURCE_USERNAME"));
        assertEquals(role.path("name").asText(),
                secretTemplate(secretOf.get("QUARKUS_DATASOURCE_USERNAME")).at("/stringData/username").asText());

        // the JWT key is a mounted file (the service may reach nothing but its database)
        String keyFile = fromConfigMaps.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        JsonNode mount = list(c.path("volumeMounts")).stream().filter(m -> keyFile.startsWith(m.path("mountPath").asText() + "/"))
                .findFirst().orElseThrow(() -> new AssertionError(keyFile + " is not mounted"));
        JsonNode volume = list(one(objects, "Deployment").at("/spec/template/spec/volumes")).stream()
                .filter(v -> v.path("name").asText().equals(mount.path("name").asText())).findFirst().orElseThrow();
        JsonNode keys = named(objects, "ConfigMap", volume.at("/configMap/name").asText());
        assertTrue(keys.path("data").has(Path.of(keyFile).getFileName().toString()), "the key file is in its ConfigMap");
    }

    static JsonNode secretTemplate(String name) throws IOException {
        for (JsonNode s : new YAMLMapper().readValues(new YAMLMapper().getFactory()
                .createParser(K8S.resolve("base/secret.yaml").toFile()), JsonNode.class).readAll()) {
            if (name.equals(s.at("/metadata/name").asText())) {
                return s;
            }
        }
        throw new AssertionError("no template for Secret " + name + " in k8s/base/secret.yaml");
    }

    @Test
    void the_secret_templates_hold_placeholders_only() throws IOException {
        List<JsonNode> templates = new YAMLMapper().readValues(new YAMLMapper().getFactory()
                .createParser(K8S.resolve("base/secret.yaml").toFile()), JsonNode.class).readAll();
        assertFalse(templates.isEmpty());
        for (JsonNode s : templates) {
            assertEquals("Secret", s.path("kind").asText());
            assertTrue(s.path("data").isMissingNode(), "no base64 data that could hide a value");
            s.path("stringData").fields().forEachRemaining(e -> {
                if (!e.getKey().equals("username")) {
                    assertEquals(PLACEHOLDER, e.getValue().asText(), s.at("/metadata/name").asText() + "." + e.getKey());
                }
            });
        }
    }

    @Test
    void production_renders_no_secret_so_applying_it_never_overwrites_the_real_ones() throws Exception {
        assertEquals(List.of(), all(render("prod"), "Secret"));
    }

    @Test
    void development_secrets_are_the_published_dev_only_values() throws Exception {
        List<JsonNode> objects = render("dev");
        Properties props = applicationProperties();
        JsonNode pii = named(objects, "Secret", "timebank-ledger");
        assertEquals(props.getProperty("%dev.timebank.pii.encryption-key"), pii.at("/stringData/TIMEBANK_PII_ENCRYPTION_KEY").asText());
        assertEquals(props.getProperty("%dev.timebank.pii.hash-key"), pii.at("/stringData/TIMEBANK_PII_HASH_KEY").asText());
        assertEquals(props.getProperty("%dev.timebank.ledger.checkpoints.signing-key"),
                pii.at("/stringData/TIMEBANK_LEDGER_CHECKPOINTS_SIGNING_KEY").asText());
        assertEquals(props.getProperty("%dev.timebank.ledger.checkpoints.public-key"),
                pii.at("/stringData/TIMEBANK_LEDGER_CHECKPOINTS_PUBLIC_KEY").asText());
        assertEquals(props.getProperty("%dev.timebank.auth.signing-key"), pii.at("/stringData/TIMEBANK_AUTH_SIGNING_KEY").asText());
        assertEquals(props.getProperty("%dev.timebank.auth.public-key"), pii.at("/stringData/TIMEBANK_AUTH_PUBLIC_KEY").asText());
        assertEquals(props.getProperty("%dev.timebank.wechat.app-secret"), pii.at("/stringData/TIMEBANK_WECHAT_APP_SECRET").asText());
        JsonNode settings = named(objects, "ConfigMap", "timebank-ledger");
        assertEquals(props.getProperty("%dev.timebank.auth.issuer"), settings.at("/data/TIMEBANK_AUTH_ISSUER").asText());
        assertEquals(props.getProperty("%dev.timebank.wechat.app-id"), settings.at("/data/TIMEBANK_WECHAT_APP_ID").asText());
        String demoKey = Files.readString(Path.of("src/main/dev/demo-jwt-public.pem")).strip();
        assertEquals(demoKey, named(objects, "ConfigMap", "timebank-ledger-jwt").at("/data/publicKey.pem").asText().strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void the_service_autoscaler_and_disruption_budget_select_the_deployments_pods(String overlay) throws Exception {
        List<JsonNode> objects = render(overlay);
        JsonNode d = one(objects, "Deployment");
        JsonNode podLabels = d.at("/spec/template/metadata/labels");

        JsonNode svc = one(objects, "Service");
        assertTrue(selects(svc.at("/spec/selector"), podLabels), "Service selects the pods");
        assertEquals("http", svc.at("/spec/ports/0/targetPort").asText());

        JsonNode hpa = one(objects, "HorizontalPodAutoscaler");
        assertEquals("Deployment", hpa.at("/spec/scaleTargetRef/kind").asText());
        assertEquals(d.at("/metadata/name").asText(), hpa.at("/spec/scaleTargetRef/name").asText());
        assertTrue(hpa.at("/spec/minReplicas").asInt() >= 2);
        assertTrue(hpa.at("/spec/maxReplicas").asInt() > hpa.at("/spec/minReplicas").asInt());
        assertEquals(d.at("/spec/replicas").asInt(), hpa.at("/spec/minReplicas").asInt(),
                "the Deployment starts at the autoscaler's floor");
        // every replica may hold a full pool: together they must fit under the database's limit
        int pool = Integer.parseInt(named(objects, "ConfigMap", "timebank-ledger").at("/data/DB_POOL_MAX").asText());
        int maxConnections = one(objects, "Cluster").at("/spec/postgresql/parameters/max_connections").asInt();
        assertTrue(hpa.at("/spec/maxReplicas").asInt() * pool + 10 <= maxConnections,
                "maxReplicas x DB_POOL_MAX + 10 for the operator and admins <= max_connections");

        JsonNode pdb = one(objects, "PodDisruptionBudget");
        assertTrue(selects(pdb.at("/spec/selector/matchLabels"), podLabels), "PDB selects the pods");
        int unavailable = pdb.at("/spec/maxUnavailable").asInt(Integer.MAX_VALUE);
        assertTrue(unavailable < d.at("/spec/replicas").asInt(), "a drain always leaves a replica serving");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void only_the_ingress_controller_and_prometheus_reach_the_service_and_it_reaches_only_its_database_and_dns(
            String overlay) throws Exception {
        List<JsonNode> objects = render(overlay);
        JsonNode np = one(objects, "NetworkPolicy");
        assertTrue(selects(np.at("/spec/podSelector/matchLabels"), one(objects, "Deployment").at("/spec/template/metadata/labels")));
        assertEquals(List.of("Ingress", "Egress"), list(np.at("/spec/policyTypes")).stream().map(JsonNode::asText).toList());

        List<JsonNode> ingress = list(np.at("/spec/ingress"));
        assertEquals(1, ingress.size());
        Set<String> sources = new HashSet<>();
        for (JsonNode from : list(ingress.get(0).path("from"))) {
            assertTrue(from.path("ipBlock").isMissingNode());
            String ns = from.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText();
            assertFalse(from.at("/podSelector/matchLabels").isEmpty(), "specific pods of " + ns);
            sources.add(ns);
        }
        assertEquals(Set.of("ingress-nginx", "monitoring"), sources);
        assertEquals(List.of("http"), list(ingress.get(0).path("ports")).stream().map(p -> p.path("port").asText()).toList());

        String cluster = one(objects, "Cluster").at("/metadata/name").asText();
        List<JsonNode> egress = list(np.at("/spec/egress"));
        assertEquals(3, egress.size());
        JsonNode db = egress.get(0);
        assertEquals(cluster, db.at("/to/0/podSelector/matchLabels/cnpg.io~1cluster").asText());
        assertEquals(1, db.path("to").size());
        assertEquals(List.of(5432), list(db.path("ports")).stream().map(p -> p.path("port").asInt()).toList());
        JsonNode dns = egress.get(1);
        assertEquals("kube-system", dns.at("/to/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText());
        assertEquals(Set.of(53), new HashSet<>(list(dns.path("ports")).stream().map(p -> p.path("port").asInt()).toList()));
        // WeChat's API: HTTPS only, and nowhere inside the cluster's or the organisation's private ranges
        JsonNode wechat = egress.get(2);
        assertEquals(1, wechat.path("to").size());
        assertEquals("0.0.0.0/0", wechat.at("/to/0/ipBlock/cidr").asText());
        assertEquals(Set.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "100.64.0.0/10"),
                new HashSet<>(list(wechat.at("/to/0/ipBlock/except")).stream().map(JsonNode::asText).toList()));
        assertEquals(List.of(443), list(wechat.path("ports")).stream().map(p -> p.path("port").asInt()).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void prometheus_scrapes_the_metrics_port_of_the_service(String overlay) throws Exception {
        List<JsonNode> objects = render(overlay);
        JsonNode monitor = one(objects, "ServiceMonitor");
        JsonNode svc = one(objects, "Service");
        assertTrue(selects(monitor.at("/spec/selector/matchLabels"), svc.at("/metadata/labels")));
        JsonNode endpoint = monitor.at("/spec/endpoints/0");
        assertEquals("/q/metrics", endpoint.path("path").asText());
        assertTrue(list(svc.at("/spec/ports")).stream().anyMatch(p -> p.path("name").asText().equals(endpoint.path("port").asText())),
                "the endpoint names a port of the Service");

        JsonNode dashboard = named(objects, "ConfigMap", "timebank-ledger-dashboard");
        assertEquals("1", dashboard.at("/metadata/labels/grafana_dashboard").asText());
        JsonNode json = new ObjectMapper().readTree(dashboard.at("/data/timebank-dashboard.json").asText());
        assertEquals("timebank-ledger", json.path("uid").asText());
    }

    @Test
    void production_postgresql_has_three_instances_a_synchronous_standby_and_backups() throws Exception {
        List<JsonNode> objects = render("prod");
        JsonNode cluster = one(objects, "Cluster");
        assertEquals("postgresql.cnpg.io/v1", cluster.path("apiVersion").asText());
        assertEquals(3, cluster.at("/spec/instances").asInt());
        JsonNode sync = cluster.at("/spec/postgresql/synchronous");
        assertTrue(sync.path("number").asInt() >= 1, "a synchronous standby");
        assertTrue(List.of("any", "first").contains(sync.path("method").asText()));
        assertEquals("required", sync.path("dataDurability").asText(), "never falls back to asynchronous commits");
        assertEquals("required", cluster.at("/spec/affinity/podAntiAffinityType").asText(), "instances on different nodes");
        JsonNode store = cluster.at("/spec/backup/barmanObjectStore");
        assertTrue(store.path("destinationPath").asText().startsWith("s3://"));
        assertFalse(store.at("/s3Credentials/accessKeyId/name").asText().isBlank());
        assertFalse(cluster.at("/spec/backup/retentionPolicy").asText().isBlank());
        JsonNode scheduled = one(objects, "ScheduledBackup");
        assertEquals(cluster.at("/metadata/name").asText(), scheduled.at("/spec/cluster/name").asText());
    }
}
