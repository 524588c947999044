package org.timebank.ledger.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.timebank.common.Jdbc;
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
    Jdbc jdbc;
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
        return jdbc.run(c -> {
            JournalTransaction head;
            try (PreparedStatement s = c.prepareStatement(
                    "select t.id, t.kind, t.source_type, t.source_id, t.actor, t.memo, t.rule_version, t.reverses_id, "
                            + "(select r.id from journal_transaction r where r.reverses_id = t.id), t.resolves_id, "
                            + "t.created_at, ch.seq, ch.hash "
                            + "from journal_transaction t left join journal_chain ch on ch.transaction_id = t.id "
                            + "where t.id = ?")) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.<JournalTransaction>empty();
                    }
                    head = new JournalTransaction(r.getLong(1), TransactionKind.valueOf(r.getString(2)), r.getString(3), r.getString(4),
                            r.getString(5), r.getString(6), (Integer) r.getObject(7), (Long) r.getObject(8),
                            (Long) r.getObject(9), (Long) r.getObject(10), r.getObject(11, OffsetDateTime.class),
                            null, (Long) r.getObject(12), r.getBytes(13));
                }
            }
            List<AccountPosting> postings = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "select p.account_id, a.asset, p.phase, p.amount from posting p join account a on a.id = p.account_id "
                            + "where p.transaction_id = ? order by p.phase, p.account_id")) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        postings.add(new AccountPosting(r.getLong(1), Asset.valueOf(r.getString(2)), Phase.of(r.getShort(3)),
                                r.getLong(4)));
                    }
                }
            }
            return Optional.of(new JournalTransaction(head.id(), head.kind(), head.sourceType(), head.sourceId(),
                    head.actor(), head.memo(), head.ruleVersion(), head.reversesId(), head.reversedById(),
                    head.resolvesId(), head.createdAt(), postings, head.chainSeq(), head.hash()));
        });
    }

    /** Transactions touching any of these accounts, newest first, ids below {@code before} (if given). */
    public List<HistoryEntry> history(List<Long> accountIds, Long before, int limit) {
        return jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "with ids as (select distinct p.transaction_id from posting p "
                            + "  where p.account_id = any (?) and p.transaction_id < ? "
                            + "  order by p.transaction_id desc limit ?) "
                            + "select t.id, t.kind, t.source_type, t.source_id, t.memo, t.created_at, "
                            + "       p.account_id, a.asset, p.phase, p.amount, t.actor "
                            + "from ids join journal_transaction t on t.id = ids.transaction_id "
                            + "join posting p on p.transaction_id = t.id and p.account_id = any (?) "
                            + "join account a on a.id = p.account_id "
                            + "order by t.id desc, a.asset, p.phase")) {
                Array ids = c.createArrayOf("bigint", accountIds.toArray(Long[]::new));
                s.setArray(1, ids);
                s.setLong(2, before == null ? Long.MAX_VALUE : before);
                s.setInt(3, limit);
                s.setArray(4, ids);
                Map<Long, HistoryEntry> rows = new LinkedHashMap<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long id = r.getLong(1);
                        HistoryEntry row = rows.get(id);
                        if (row == null) {
                            row = new HistoryEntry(id, TransactionKind.valueOf(r.getString(2)), r.getString(3), r.getString(4), r.getString(5),
                                    r.getString(11), r.getObject(6, OffsetDateTime.class), new ArrayList<>());
                            rows.put(id, row);
                        }
                        row.postings().add(new AccountPosting(r.getLong(7), Asset.valueOf(r.getString(8)),
                                Phase.of(r.getShort(9)), r.getLong(10)));
                    }
                }
                return new ArrayList<>(rows.values());
            }
        });
    }

    /** Locks a journal row (reading it, never changing it) until the end of the transaction; false if absent. */
    public boolean lockTransaction(long id) {
        return jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select ledger_lock_transaction(?)")) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getBoolean(1);
                }
            }
        });
    }
}
