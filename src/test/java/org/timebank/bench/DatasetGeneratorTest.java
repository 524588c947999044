package org.timebank.bench;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.timebank.support.Api.as;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.timebank.ledger.LedgerHousekeeping;
import org.timebank.support.Tokens;
import org.timebank.volunteer.PiiProtector;

/**
 * The data-set generator at a tiny scale, into a scratch database the service then runs on: the
 * rows scale as planned, the service's own audit finds the ledger sound and the chain intact, and
 * the service reads, approves and redeems on the generated data.
 */
@QuarkusTest
@TestProfile(DatasetGeneratorTest.OnGeneratedData.class)
class DatasetGeneratorTest {
    static final double SCALE = 0.0005;
    static final String DATABASE = "timebank_gen_" + System.getenv().getOrDefault("TEST_SCHEMA", "timebank_test")
            .toLowerCase().replaceAll("[^a-z0-9_]", "_");
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/" + DATABASE;

    /** Runs the service on the generated database instead of the test schema. */
    public static class OnGeneratedData implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(GeneratedDatabase.class));
        }
    }

    /** Generates the database before the service starts, and drops it when the service has stopped. */
    public static class GeneratedDatabase implements QuarkusTestResourceLifecycleManager {
        static DatasetGenerator.Result result;

        @Override
        public Map<String, String> start() {
            try {
                result = new DatasetGenerator(DatasetGenerator.Options.parse("--scale", Double.toString(SCALE),
                        "--jdbc-url", URL, "--reset", "--seed", "7")).run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return Map.of("quarkus.datasource.jdbc.url", URL, "quarkus.flyway.schemas", "public",
                    "quarkus.flyway.clean-at-start", "false");
        }

        @Override
        public void stop() {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", null);
                 Statement s = c.createStatement()) {
                s.execute("drop database if exists " + DATABASE + " with (force)");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @ConfigProperty(name = "timebank.pii.encryption-key")
    String encryptionKey;
    @ConfigProperty(name = "timebank.pii.hash-key")
    String hashKey;
    @Inject
    DataSource db;
    @Inject
    LedgerHousekeeping housekeeping;

    @Test
    void the_city_is_built_at_the_scale_asked() {
        Map<String, Long> rows = GeneratedDatabase.result.rows();
        long volunteers = Math.round(City.VOLUNTEERS * SCALE);
        assertEquals(volunteers, rows.get("volunteer"));
        assertEquals(1 + 13 + 13 + 13, rows.get("region"), "at the smallest scales a street and a community per district");
        long postings = GeneratedDatabase.result.postings();
        assertTrue(postings >= 20_000_000 * SCALE && postings <= 2 * 20_000_000 * SCALE,
                () -> postings + " postings: 20 million at scale 1.0, in proportion below");
        assertTrue(rows.get("hour_claim") > 2 * volunteers, "most volunteers serve a few times a year");
        assertTrue(rows.get("redemption") > 0 && rows.get("shop") > 1 && rows.get("shop_item") > 0);
        assertEquals(rows.get("journal_transaction"), rows.get("journal_chain"), "every transaction sealed");
        assertEquals(0, rows.get("journal_unsealed"));
        assertEquals(0, rows.get("account_delta"));
        assertEquals(2 * volunteers + 2 * 13 + rows.get("shop") + 5, rows.get("account")
                - count("select count(*) from account where purpose in ('VOLUNTEER_DEBT', 'COMMUNITY_FUND', "
                + "'COMMUNITY_BUDGET', 'COMMUNITY_POOL')"), "wallets, issuance, settlement and system accounts");
    }

    @Test
    void a_second_run_refuses_the_database_it_filled() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new DatasetGenerator(
                DatasetGenerator.Options.parse("--scale", "0.0001", "--jdbc-url", URL)).run());
        assertTrue(refused.getMessage().contains("not empty"), refused::getMessage);
    }

    @Test
    void the_services_own_audit_finds_the_ledger_sound_and_the_chain_intact() {
        JsonPath trial = as(Tokens.admin()).get("/api/v1/ledger/trial-balance").then().statusCode(200).extract().jsonPath();
        assertTrue(trial.getBoolean("balanced"), trial::prettify);
        assertEquals(List.of(), trial.getList("accountsOutOfBalance"));
        JsonPath chain = as(Tokens.admin()).get("/api/v1/ledger/verification").then().statusCode(200).extract().jsonPath();
        assertTrue(chain.getBoolean("valid"), chain::prettify);
        assertEquals(count("select count(*) from journal_transaction"), chain.getLong("sealedTransactions"));
    }

    @Test
    void the_service_reads_approves_and_redeems_on_the_generated_data() {
        // the busiest volunteer: readable with the dev keys, a long history
        long top = count("select owner_id from account where purpose = 'VOLUNTEER_WALLET' and asset = 'HOURS' "
                + "order by credits_posted - debits_posted desc limit 1");
        String phone = Long.toString(13_800_000_000L + top - 1);
        as(Tokens.admin()).get("/api/v1/volunteers/" + top).then().statusCode(200)
                .body("phoneMasked", equalTo(phone.substring(0, 3) + "****" + phone.substring(7)));
        assertEquals(1, count("select count(*) from volunteer where id = " + top + " and phone_hash = '\\x"
                + HexFormat.of().formatHex(new PiiProtector(encryptionKey, hashKey).hash("phone", phone)) + "'"),
                "found by the service's keyed hash of the phone number");
        as(Tokens.volunteer(top)).get("/api/v1/volunteers/" + top + "/balance").then().statusCode(200)
                .body("hours.minutes", greaterThan(60 * 100));
        as(Tokens.volunteer(top)).get("/api/v1/volunteers/" + top + "/transactions?limit=100").then().statusCode(200)
                .body("items.size()", equalTo(100));

        // staff of a community with a budget approve a new claim: the budget pays it
        long community = count("select owner_id from account where purpose = 'COMMUNITY_BUDGET' order by owner_id limit 1");
        long volunteer = count("select min(id) from volunteer where home_community_id = " + community);
        String staff = Tokens.staff("staff-bench", community);
        long available = as(staff).get("/api/v1/regions/" + community + "/budget").then().statusCode(200)
                .extract().jsonPath().getLong("available");
        OffsetDateTime night = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(1).withHour(2).withMinute(0)
                .withSecond(0).withNano(0);
        long claim = as(staff).body(Map.of("volunteerId", volunteer, "category", "ELDERLY_VISIT",
                        "startsAt", night.toString(), "endsAt", night.plusHours(2).toString()))
                .post("/api/v1/hour-claims").then().statusCode(201).extract().jsonPath().getLong("id");
        long points = as(staff).body(Map.of("decision", "APPROVE")).post("/api/v1/hour-claims/" + claim + "/decision")
                .then().statusCode(200).body("status", equalTo("APPROVED")).extract().jsonPath().getLong("points");
        assertTrue(points > 0);
        as(staff).get("/api/v1/regions/" + community + "/budget").then().statusCode(200)
                .body("available", equalTo((int) (available - points)));

        // the richest wallet redeems at the hot shop
        long rich = count("select owner_id from account where purpose = 'VOLUNTEER_WALLET' and asset = 'POINTS' "
                + "order by credits_posted - debits_posted desc limit 1");
        long item = count("select id from shop_item where shop_id = 1 and active and stock > 0 order by points_price limit 1");
        String code = as(Tokens.volunteer(rich)).post("/api/v1/volunteers/" + rich + "/payment-codes").then()
                .statusCode(201).extract().jsonPath().getString("code");
        as(Tokens.shop("1")).body(Map.of("shopId", 1, "code", code, "items", List.of(Map.of("itemId", item, "quantity", 1))))
                .post("/api/v1/redemptions").then().statusCode(201).body("status", equalTo("CAPTURED"));

        housekeeping.foldDeltas();
        housekeeping.seal();
        JsonPath trial = as(Tokens.admin()).get("/api/v1/ledger/trial-balance").then().statusCode(200).extract().jsonPath();
        assertTrue(trial.getBoolean("balanced"), trial::prettify);
        JsonPath chain = as(Tokens.admin()).get("/api/v1/ledger/verification").then().statusCode(200).extract().jsonPath();
        assertTrue(chain.getBoolean("valid"), chain::prettify);
        assertFalse(chain.getLong("unsealedTransactions") > 0, chain::prettify);
    }

    private long count(String sql) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
