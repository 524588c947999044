package org.timebank.ledger.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.timebank.common.Sql;

/** Opening-balance imports: the import's row, and at most one opening balance per account. */
@ApplicationScoped
public class ImportStore {
    @Inject
    Sql sql;

    public long insertImport(String actor, int lines) {
        return sql.single("select ledger_begin_import(?, ?)", r -> r.getLong(1), actor, lines);
    }

    public void recordOpeningBalance(long accountId, long transactionId, long importId) {
        sql.single("select ledger_record_opening_balance(?, ?, ?)", r -> 1, accountId, transactionId, importId);
    }

    public List<Long> accountsWithOpeningBalance(List<Long> accountIds) {
        return sql.list("select account_id from opening_balance where account_id = any (?)", r -> r.getLong(1),
                (Object) accountIds.toArray(Long[]::new));
    }
}
