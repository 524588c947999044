package org.timebank.support;

import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What a refused request must leave exactly as it was: the journal totals of the trial balance, one
 * volunteer's ledger history, and the number of rows of every table a write could touch.
 */
public record Footprint(Map<String, Object> journalTotals, List<Long> history, Map<String, Long> rows) {
    private static final List<String> TABLES = List.of("region", "volunteer", "account", "journal_transaction",
            "posting", "opening_balance", "ledger_import", "idempotency_key");

    public static Footprint of(DataSource db, long volunteerId) {
        JsonPath trial = Api.as(Tokens.admin()).get("/api/v1/ledger/trial-balance").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> journal = new LinkedHashMap<>();
        for (Map<String, Object> asset : trial.<Map<String, Object>>getList("assets")) {
            journal.put((String) asset.get("asset"), asset.get("journal"));
        }
        List<Long> history = Api.as(Tokens.admin())
                .get("/api/v1/volunteers/" + volunteerId + "/transactions?limit=100").then().statusCode(200)
                .extract().jsonPath().getList("items.transactionId", Long.class);
        return new Footprint(journal, history, rowCounts(db));
    }

    private static Map<String, Long> rowCounts(DataSource db) {
        String sql = "select " + String.join(", ",
                TABLES.stream().map(t -> "(select count(*) from " + t + ") as " + t).toList());
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : TABLES) {
                counts.put(table, r.getLong(table));
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
