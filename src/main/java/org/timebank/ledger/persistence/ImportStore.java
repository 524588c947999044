package org.timebank.ledger.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.timebank.common.Jdbc;

/** Opening-balance imports: the import's row, and at most one opening balance per account. */
@ApplicationScoped
public class ImportStore {
    @Inject
    Jdbc jdbc;

    public long insertImport(String actor, int lines) {
        return jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select ledger_begin_import(?, ?)")) {
                s.setString(1, actor);
                s.setInt(2, lines);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
    }

    public void recordOpeningBalance(long accountId, long transactionId, long importId) {
        jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select ledger_record_opening_balance(?, ?, ?)")) {
                s.setLong(1, accountId);
                s.setLong(2, transactionId);
                s.setLong(3, importId);
                s.executeQuery().close();
                return null;
            }
        });
    }

    public List<Long> accountsWithOpeningBalance(List<Long> accountIds) {
        return jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select account_id from opening_balance where account_id = any (?)")) {
                s.setArray(1, c.createArrayOf("bigint", accountIds.toArray(Long[]::new)));
                List<Long> ids = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getLong(1));
                    }
                }
                return ids;
            }
        });
    }
}
