package org.timebank.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.timebank.support.Api.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.timebank.ledger.LedgerGauges;
import org.timebank.support.Api;
import org.timebank.support.Tokens;

/** The business counters on /q/metrics move with the events they count, and only with those that commit. */
@QuarkusTest
class BusinessMetricsTest {
    static final OffsetDateTime YESTERDAY_9AM = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(1)
            .withHour(9).withMinute(0).withSecond(0).withNano(0);

    static final Path DASHBOARD = Path.of("k8s", "base", "grafana", "timebank-dashboard.json");

    @Inject
    LedgerGauges gauges;
    @Inject
    Tx tx;
    @Inject
    Jdbc jdbc;

    @Test
    void an_approval_counts_an_approval_a_transaction_and_its_postings() {
        Api.Tree t = Api.tree();
        as(Tokens.admin()).body(Map.of("granularityMinutes", 1, "rounding", "DOWN",
                        "rates", List.of(Map.of("category", "DEFAULT", "pointsPerHour", 2)),
                        "effectiveFrom", YESTERDAY_9AM.minusDays(30).toString()))
                .put("/api/v1/regions/" + t.city() + "/conversion-rules").then().statusCode(200);
        Api.Volunteer v = Api.volunteer(t.community());
        long claim = as(Tokens.volunteer(v.id())).body(Map.of("startsAt", YESTERDAY_9AM.toString(),
                        "endsAt", YESTERDAY_9AM.plusMinutes(90).toString()))
                .post("/api/v1/hour-claims").then().statusCode(201).extract().jsonPath().getLong("id");
        String metrics = scrape();
        double approvals = value(metrics, "timebank_hours_claims_approved_total");
        double transactions = value(metrics, "timebank_ledger_transactions_total{kind=\"APPROVAL\"}");
        double postings = value(metrics, "timebank_ledger_postings_total");

        long transaction = as(Tokens.staff("staff-metrics", t.street())).body(Map.of("decision", "APPROVE"))
                .post("/api/v1/hour-claims/" + claim + "/decision").then().statusCode(200)
                .extract().jsonPath().getLong("transactionId");

        int posted = as(Tokens.admin()).get("/api/v1/ledger/transactions/" + transaction).then().statusCode(200)
                .extract().jsonPath().getList("postings").size();
        metrics = scrape();
        assertEquals(approvals + 1, value(metrics, "timebank_hours_claims_approved_total"));
        assertEquals(transactions + 1, value(metrics, "timebank_ledger_transactions_total{kind=\"APPROVAL\"}"));
        assertEquals(postings + posted, value(metrics, "timebank_ledger_postings_total"));
    }

    @Test
    void redemptions_count_by_mode_and_resolution_refunds_too_and_pending_holds_are_sampled() {
        Api.Tree t = Api.tree();
        long shop = as(Tokens.admin()).body(Map.of("name", Api.unique("爱心超市"), "kind", "CHARITY_SUPERMARKET",
                "regionId", t.community())).post("/api/v1/shops").then().statusCode(201).extract().jsonPath().getLong("id");
        String operator = Tokens.shop(Long.toString(shop));
        Api.Volunteer v = Api.volunteer(t.community());
        Api.adjust(v.pointsAccount(), "CREDIT", 100).statusCode(201);
        gauges.sample();
        String before = scrape();

        long captured = redeem(operator, shop, v, "CAPTURE").getLong("id");
        as(operator).header("Idempotency-Key", Api.key()).body(Map.of("points", 4))
                .post("/api/v1/redemptions/" + captured + "/refund").then().statusCode(201);
        long held = redeem(operator, shop, v, "HOLD").getLong("id");
        gauges.sample();
        String holding = scrape();
        as(operator).post("/api/v1/redemptions/" + held + "/capture").then().statusCode(200);
        gauges.sample();
        String after = scrape();

        assertMoved(before, after, "timebank_redemptions_total{mode=\"CAPTURE\"}", 1);
        assertMoved(before, after, "timebank_redemptions_total{mode=\"HOLD\"}", 1);
        assertMoved(before, after, "timebank_redemptions_resolved_total{status=\"CAPTURED\"}", 1);
        assertMoved(before, after, "timebank_redemptions_refunds_total", 1);
        assertMoved(before, holding, "timebank_ledger_holds_pending{asset=\"POINTS\"}", 1);
        assertMoved(before, holding, "timebank_ledger_holds_pending_amount{asset=\"POINTS\"}", 10);
        assertMoved(before, after, "timebank_ledger_holds_pending{asset=\"POINTS\"}", 0);
    }

    @Test
    void every_problem_answered_counts_a_failure_by_its_code() {
        String before = scrape();
        as(Tokens.admin()).header("Idempotency-Key", Api.key()).body(Map.of("accountId", 1))
                .post("/api/v1/ledger/adjustments").then().statusCode(400);
        given().get("/api/v1/regions").then().statusCode(401);
        String after = scrape();
        assertMoved(before, after, "timebank_failures_total{code=\"VALIDATION_FAILED\"}", 1);
        assertMoved(before, after, "timebank_failures_total{code=\"UNAUTHENTICATED\"}", 1);
    }

    @Test
    void a_count_made_in_a_transaction_moves_only_if_it_commits() {
        String name = "timebank.test.events";
        String exported = "timebank_test_events_total";
        Metrics.count(name, 0);
        double before = value(scrape(), exported);

        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            Metrics.count(name, 5);
            throw new IllegalStateException("rolled back");
        }));
        assertEquals(before, value(scrape(), exported));

        QuarkusTransaction.requiringNew().run(() -> Metrics.count(name, 2));
        assertEquals(before + 2, value(scrape(), exported));
    }

    @Test
    void http_requests_and_the_connection_pool_are_measured() {
        Api.tree();
        String metrics = scrape();
        assertTrue(metrics.contains("http_server_requests_seconds_count{"), "HTTP server metrics");
        assertTrue(metrics.contains("uri=\"/api/v1/regions\""), "requests by route template");
        assertTrue(metrics.contains("agroal_active_count{"), "connection pool metrics");
        assertTrue(metrics.contains("agroal_awaiting_count{"), "connection pool metrics");
    }

    @Test
    void the_grafana_dashboard_queries_only_metrics_the_service_exports() throws Exception {
        // a counter is exported from its first count on: make each event happen once
        an_approval_counts_an_approval_a_transaction_and_its_postings();
        redemptions_count_by_mode_and_resolution_refunds_too_and_pending_holds_are_sampled();
        every_problem_answered_counts_a_failure_by_its_code();
        AtomicInteger attempts = new AtomicInteger();
        tx.inNew(() -> attempts.incrementAndGet() == 1 ? jdbc.run(c -> {
            try (Statement st = c.createStatement()) {
                return st.execute("do $$ begin raise exception 'simulated' using errcode = '40001'; end $$");
            }
        }) : true);
        Set<String> exported = new HashSet<>();
        Matcher sample = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]").matcher(scrape());
        while (sample.find()) {
            exported.add(sample.group(1));
        }

        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        List<String> queried = new ArrayList<>();
        for (JsonNode target : dashboard.findValues("targets")) {
            for (JsonNode t : target) {
                Matcher metric = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{").matcher(t.path("expr").asText());
                assertTrue(metric.find(), "a query without a metric selector: " + t.path("expr").asText());
                do {
                    queried.add(metric.group(1));
                } while (metric.find());
            }
        }
        assertTrue(queried.size() >= 20, "the dashboard's queries were found: " + queried);
        assertEquals(List.of(), queried.stream().filter(m -> !exported.contains(m)).distinct().toList(),
                "queried by the dashboard, not exported on /q/metrics");
    }

    private static io.restassured.path.json.JsonPath redeem(String operator, long shop, Api.Volunteer v, String mode) {
        String code = as(Tokens.volunteer(v.id())).post("/api/v1/volunteers/" + v.id() + "/payment-codes").then()
                .statusCode(201).extract().jsonPath().getString("code");
        return as(operator).body(Map.of("shopId", shop, "code", code, "points", 10, "mode", mode))
                .post("/api/v1/redemptions").then().statusCode(201).extract().jsonPath();
    }

    static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sample's value, 0 when the series is not there yet (a counter appears at its first count). */
    static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series).replace("}\\E", "\\E[^}]*}")
                + "\\s+(\\S+)$").matcher(metrics);
        if (!series.contains("{")) {
            m = Pattern.compile("(?m)^" + Pattern.quote(series) + "(?:\\{[^}]*})?\\s+(\\S+)$").matcher(metrics);
        }
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static void assertMoved(String before, String after, String series, double by) {
        assertEquals(value(before, series) + by, value(after, series), series);
    }
}
