package org.timebank.ledger.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.timebank.common.Sql;
import org.timebank.ledger.domain.AccountPosting;
import org.timebank.ledger.domain.Asset;
import org.timebank.ledger.domain.Entry;
import org.timebank.ledger.domain.HistoryEntry;
import org.timebank.ledger.domain.JournalTransaction;
import org.timebank.ledger.domain.Phase;
import org.timebank.ledger.domain.PostedTransaction;
import org.timebank.ledger.domain.Posting;
import org.timebank.ledger.domain.TransactionKind;

/** The journal: posting a transaction in one round trip, reading it back, and account histories. */
@ApplicationScoped
public class JournalStore {
    @Inject
    Sql sql;

    private static final String POST = "select transaction_id, created_at from ledger_post(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Posts one entry in one round trip (the ledger_post function). */
    public PostedTransaction post(Entry e) {
        return sql.single(POST, r -> new PostedTransaction(r.getLong(1), r.getObject(2, OffsetDateTime.class)),
                arguments(e, null));
    }

    /**
     * Posts one entry under the transaction id reserved for it ({@link #reserveTransactionId}), with the
     * transaction's next round trip (see {@link Sql#defer}): its refusal surfaces there.
     */
    public void postLater(long reservedId, Entry e) {
        sql.defer(POST, arguments(e, reservedId));
    }

    /** Draws the id of a posting to come. */
    public long reserveTransactionId() {
        return sql.single("select ledger_reserve_transaction_id()", r -> r.getLong(1));
    }

    private static Object[] arguments(Entry e, Long id) {
        int n = e.postings().size();
        Long[] accounts = new Long[n];
        Long[] amounts = new Long[n];
        Short[] phases = new Short[n];
        for (int i = 0; i < n; i++) {
            Posting p = e.postings().get(i);
            accounts[i] = p.accountId();
            amounts[i] = p.amount();
            phases[i] = p.phase().code();
        }
        return new Object[] {e.kind().name(), e.sourceType(), e.sourceId(), e.actor(), e.memo(),
                Sql.integer(e.ruleVersion()), Sql.bigint(e.reversesId()), Sql.bigint(e.resolvesId()), accounts, amounts,
                phases, Sql.bigint(id)};
    }

    public Optional<JournalTransaction> transaction(long id) {
        Optional<JournalTransaction> head = sql.one(
                "select t.id, t.kind, t.source_type, t.source_id, t.actor, t.memo, t.rule_version, t.reverses_id, "
                        + "(select r.id from journal_transaction r where r.reverses_id = t.id), t.resolves_id, "
                        + "t.created_at, ch.seq, ch.hash "
                        + "from journal_transaction t left join journal_chain ch on ch.transaction_id = t.id "
                        + "where t.id = ?",
                r -> new JournalTransaction(r.getLong(1), TransactionKind.valueOf(r.getString(2)), r.getString(3), r.getString(4),
                        r.getString(5), r.getString(6), (Integer) r.getObject(7), (Long) r.getObject(8),
                        (Long) r.getObject(9), (Long) r.getObject(10), r.getObject(11, OffsetDateTime.class),
                        null, (Long) r.getObject(12), r.getBytes(13)), id);
        if (head.isEmpty()) {
            return head;
        }
        List<AccountPosting> postings = sql.list(
                "select p.account_id, a.asset, p.phase, p.amount from posting p join account a on a.id = p.account_id "
                        + "where p.transaction_id = ? order by p.phase, p.account_id",
                r -> new AccountPosting(r.getLong(1), Asset.valueOf(r.getString(2)), Phase.of(r.getShort(3)), r.getLong(4)), id);
        JournalTransaction h = head.get();
        return Optional.of(new JournalTransaction(h.id(), h.kind(), h.sourceType(), h.sourceId(), h.actor(), h.memo(),
                h.ruleVersion(), h.reversesId(), h.reversedById(), h.resolvesId(), h.createdAt(), postings, h.chainSeq(),
                h.hash()));
    }

    /** Transactions touching any of these accounts, newest first, ids below {@code before} (if given). */
    public List<HistoryEntry> history(List<Long> accountIds, Long before, int limit) {
        Long[] ids = accountIds.toArray(Long[]::new);
        Map<Long, HistoryEntry> rows = new LinkedHashMap<>();
        sql.list("with ids as (select distinct p.transaction_id from posting p "
                        + "  where p.account_id = any (?) and p.transaction_id < ? "
                        + "  order by p.transaction_id desc limit " + limit + ") "
                        + "select t.id, t.kind, t.source_type, t.source_id, t.memo, t.created_at, "
                        + "       p.account_id, a.asset, p.phase, p.amount, t.actor "
                        + "from ids join journal_transaction t on t.id = ids.transaction_id "
                        + "join posting p on p.transaction_id = t.id and p.account_id = any (?) "
                        + "join account a on a.id = p.account_id "
                        + "order by t.id desc, a.asset, p.phase",
                r -> {
                    long id = r.getLong(1);
                    HistoryEntry row = rows.get(id);
                    if (row == null) {
                        row = new HistoryEntry(id, TransactionKind.valueOf(r.getString(2)), r.getString(3), r.getString(4),
                                r.getString(5), r.getString(11), r.getObject(6, OffsetDateTime.class), new ArrayList<>());
                        rows.put(id, row);
                    }
                    row.postings().add(new AccountPosting(r.getLong(7), Asset.valueOf(r.getString(8)),
                            Phase.of(r.getShort(9)), r.getLong(10)));
                    return row;
                },
                ids, before == null ? Long.MAX_VALUE : before, ids);
        return new ArrayList<>(rows.values());
    }

    /** Locks a journal row (reading it, never changing it) until the end of the transaction; false if absent. */
    public boolean lockTransaction(long id) {
        return sql.single("select ledger_lock_transaction(?)", r -> r.getBoolean(1), id);
    }

}
