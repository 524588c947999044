package org.timebank.ledger;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.timebank.support.Api.as;
import static org.timebank.support.Problems.assertProblem;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.timebank.ledger.domain.Checkpoint;
import org.timebank.support.Api;
import org.timebank.support.Tokens;

/**
 * Signed checkpoints: the chain's head signed with a key the database does not hold, published,
 * printed on shop statements, and checked by verification, so that a rewrite of history by whoever
 * owns the database is caught by anyone who kept an older checkpoint.
 */
@QuarkusTest
class LedgerCheckpointTest {
    @Inject
    LedgerHousekeeping housekeeping;
    @Inject
    LedgerCheckpoints checkpoints;
    @Inject
    AgroalDataSource dataSource;

    private long adjustment() {
        Api.Volunteer v = Api.volunteer(Api.tree().community());
        return Api.adjust(v.pointsAccount(), "CREDIT", 10).statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Posts something, seals it and signs the head: the new checkpoint. */
    private Checkpoint signedAfterAPosting() {
        adjustment();
        housekeeping.seal();
        return checkpoints.signHead().orElseThrow();
    }

    private static JsonPath verification(Long seq, String hash) {
        var request = as(Tokens.admin());
        if (seq != null) {
            request = request.queryParam("checkpointSeq", seq).queryParam("checkpointHash", hash);
        }
        return request.get("/api/v1/ledger/verification").then().statusCode(200).extract().jsonPath();
    }

    private static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }

    @Test
    void the_head_is_signed_once_and_anyone_signed_in_can_check_the_signature_with_the_published_key() throws Exception {
        Checkpoint c = signedAfterAPosting();
        assertTrue(checkpoints.signHead().isEmpty(), "an unchanged head is not signed twice");

        JsonPath published = as(Tokens.volunteer(1)).get("/api/v1/ledger/checkpoints").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(c.seq(), published.getLong("items[0].seq"));
        assertEquals(hex(c.hash()), published.getString("items[0].hash"));
        JsonPath keys = as(Tokens.shop("1")).get("/api/v1/ledger/checkpoint-keys").then().statusCode(200)
                .body("find { it.current }.keyId", equalTo(c.keyId())).body("find { it.current }.algorithm", equalTo("Ed25519"))
                .extract().jsonPath();

        // an outsider's check: the published public key, the signed text, the signature
        Signature ed = Signature.getInstance("Ed25519");
        ed.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode(keys.getString("find { it.current }.publicKey")))));
        String signedText = published.getString("items[0].signedText");
        ed.update(signedText.getBytes(StandardCharsets.UTF_8));
        assertTrue(ed.verify(Base64.getDecoder().decode(published.getString("items[0].signature"))));
        assertEquals(List.of("timebank-ledger-checkpoint:v1", Long.toString(c.seq()), hex(c.hash()), c.signedAt().toString()),
                signedText.lines().toList());
    }

    @Test
    void checkpoints_are_listed_newest_first_in_pages() {
        Checkpoint first = signedAfterAPosting();
        Checkpoint second = signedAfterAPosting();
        JsonPath page = as(Tokens.staff("staff-cp", 1L)).queryParam("limit", 1).get("/api/v1/ledger/checkpoints").then()
                .statusCode(200).body("items", hasSize(1)).extract().jsonPath();
        assertEquals(second.seq(), page.getLong("items[0].seq"));
        as(Tokens.admin()).queryParam("limit", 1).queryParam("cursor", page.getString("nextCursor"))
                .get("/api/v1/ledger/checkpoints").then().statusCode(200).body("items[0].seq", equalTo((int) first.seq()));
        assertProblem(as(Tokens.admin()).queryParam("limit", 0).get("/api/v1/ledger/checkpoints"), 400, "INVALID_LIMIT");
        io.restassured.RestAssured.get("/api/v1/ledger/checkpoints").then().statusCode(401);
    }

    @Test
    void verification_checks_a_checkpoint_the_caller_kept() {
        Checkpoint kept = signedAfterAPosting();
        adjustment();
        housekeeping.seal();

        JsonPath matches = verification(kept.seq(), hex(kept.hash()));
        assertTrue(matches.getBoolean("valid"), matches::prettify);
        assertEquals("MATCHES", matches.getString("suppliedCheckpoint.outcome"));
        assertTrue(matches.getLong("checkpointsChecked") >= 1);
        assertEquals(List.of(), matches.getList("checkpointFailures"));

        byte[] other = kept.hash().clone();
        other[0] ^= 1;
        JsonPath differs = verification(kept.seq(), hex(other));
        assertFalse(differs.getBoolean("valid"));
        assertEquals("DIFFERS", differs.getString("suppliedCheckpoint.outcome"));
        JsonPath beyond = verification(kept.seq() + 1_000_000, hex(kept.hash()));
        assertFalse(beyond.getBoolean("valid"));
        assertEquals("NOT_SEALED", beyond.getString("suppliedCheckpoint.outcome"));
        as(Tokens.admin()).get("/api/v1/ledger/verification").then().statusCode(200)
                .body("suppliedCheckpoint", nullValue()).body("valid", equalTo(true));

        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("checkpointSeq", kept.seq()),
                Map.of("checkpointHash", hex(kept.hash())), Map.of("checkpointSeq", 0, "checkpointHash", hex(kept.hash())),
                Map.of("checkpointSeq", "x", "checkpointHash", hex(kept.hash())),
                Map.of("checkpointSeq", kept.seq(), "checkpointHash", "zz" + hex(kept.hash()).substring(2)),
                Map.of("checkpointSeq", kept.seq(), "checkpointHash", hex(kept.hash()) + "00"))) {
            assertProblem(as(Tokens.admin()).queryParams(bad).get("/api/v1/ledger/verification"), 400, "INVALID_CHECKPOINT");
        }
        assertProblem(as(Tokens.shop("1")).get("/api/v1/ledger/verification"), 403, "FORBIDDEN");
    }

    @Test
    void a_rewrite_of_history_by_the_databases_owner_is_caught_by_the_checkpoints_signed_before_it() throws SQLException {
        long edited = adjustment();
        housekeeping.seal();
        Checkpoint kept = checkpoints.signHead().orElseThrow();
        String memo = one("select memo from journal_transaction where id = " + edited);
        try {
            // the owner switches the append-only triggers off, edits a transaction, and recomputes the whole chain
            rewrite("update journal_transaction set memo = 'rewritten' where id = " + edited);
            JsonPath alone = verification(null, null);
            assertEquals(null, alone.getString("firstMismatch"), "the recomputed chain is consistent in itself");
            assertFalse(alone.getBoolean("valid"), alone::prettify);
            assertEquals("DIFFERS", alone.getString("checkpointFailures.find { it.seq == " + kept.seq() + " }.outcome"));

            // and removes the stored checkpoints too: the one the caller kept still catches it
            rewrite("delete from ledger_checkpoint");
            JsonPath stripped = verification(kept.seq(), hex(kept.hash()));
            assertEquals(List.of(), stripped.getList("checkpointFailures"));
            assertEquals("DIFFERS", stripped.getString("suppliedCheckpoint.outcome"));
            assertFalse(stripped.getBoolean("valid"));
        } finally {
            rewrite("update journal_transaction set memo = " + (memo == null ? "null" : "'" + memo + "'") + " where id = " + edited);
        }
        // the history put back recomputes to what the checkpoint signed
        JsonPath restored = verification(kept.seq(), hex(kept.hash()));
        assertEquals("MATCHES", restored.getString("suppliedCheckpoint.outcome"));
        assertTrue(restored.getBoolean("valid"), restored::prettify);
    }

    @Test
    void a_checkpoint_no_known_key_signed_fails_verification() throws SQLException {
        Checkpoint genuine = signedAfterAPosting();
        adjustment();
        housekeeping.seal();
        long next = genuine.seq() + 1;
        try {
            execute("insert into ledger_checkpoint values (" + next + ", '\\x" + "00".repeat(32) + "', now(), '"
                    + genuine.keyId() + "', '\\x" + "11".repeat(64) + "')");
            JsonPath forged = verification(null, null);
            assertFalse(forged.getBoolean("valid"));
            assertEquals("SIGNATURE_INVALID", forged.getString("checkpointFailures.find { it.seq == " + next + " }.outcome"));
        } finally {
            rewriteCheckpoints("delete from ledger_checkpoint where seq = " + next);
        }
        assertTrue(verification(null, null).getBoolean("valid"));
    }

    @Test
    void a_shops_monthly_statement_carries_the_latest_checkpoint() {
        Checkpoint latest = signedAfterAPosting();
        Api.Tree t = Api.tree();
        long shop = as(Tokens.admin()).body(Map.of("name", Api.unique("爱心超市"), "kind", "CHARITY_SUPERMARKET",
                "regionId", t.community())).post("/api/v1/shops").then().statusCode(201).extract().jsonPath().getLong("id");
        String path = "/api/v1/shops/" + shop + "/statements?period=" + YearMonth.now(ZoneId.of("Asia/Shanghai"));
        as(Tokens.shop(Long.toString(shop))).get(path).then().statusCode(200)
                .body("ledgerCheckpoint.seq", equalTo((int) latest.seq()))
                .body("ledgerCheckpoint.hash", equalTo(hex(latest.hash())))
                .body("ledgerCheckpoint.keyId", equalTo(latest.keyId()));
        List<String> csv = as(Tokens.shop(Long.toString(shop))).accept("text/csv").get(path).then().statusCode(200)
                .extract().asString().lines().toList();
        assertTrue(csv.contains("NET,,,,,0"), csv::toString);
        assertTrue(csv.contains("ledger_checkpoint_seq," + latest.seq()), csv::toString);
        assertTrue(csv.contains("ledger_checkpoint_hash," + hex(latest.hash())), csv::toString);
    }

    /** As the owner: triggers off, the statement, the chain recomputed from the journal, triggers on. */
    private void rewrite(String sql) throws SQLException {
        execute("alter table journal_transaction disable trigger journal_transaction_append_only");
        execute("alter table journal_chain disable trigger journal_chain_append_only");
        execute("alter table ledger_checkpoint disable trigger ledger_checkpoint_append_only");
        try {
            execute(sql);
            execute("""
                    do $$
                    declare
                        link record;
                        previous bytea := '\\x0000000000000000000000000000000000000000000000000000000000000000';
                    begin
                        for link in select seq, transaction_id from journal_chain order by seq loop
                            previous := sha256(previous || convert_to(journal_canonical(link.transaction_id), 'UTF8'));
                            update journal_chain set hash = previous where seq = link.seq;
                        end loop;
                    end $$""");
        } finally {
            execute("alter table journal_transaction enable trigger journal_transaction_append_only");
            execute("alter table journal_chain enable trigger journal_chain_append_only");
            execute("alter table ledger_checkpoint enable trigger ledger_checkpoint_append_only");
        }
    }

    private void rewriteCheckpoints(String sql) throws SQLException {
        execute("alter table ledger_checkpoint disable trigger ledger_checkpoint_append_only");
        try {
            execute(sql);
        } finally {
            execute("alter table ledger_checkpoint enable trigger ledger_checkpoint_append_only");
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private String one(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); var r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
