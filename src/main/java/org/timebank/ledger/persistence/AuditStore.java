package org.timebank.ledger.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.timebank.common.Jdbc;
import org.timebank.common.Sql;
import org.timebank.ledger.domain.Asset;
import org.timebank.ledger.domain.Balance;
import org.timebank.ledger.domain.ChainHash;
import org.timebank.ledger.domain.Phase;
import org.timebank.ledger.domain.Posting;

/**
 * What an auditor and the sealer need: the trial balance's sums, accounts out of balance, and the
 * hash chain, sealed and read back in order.
 */
@ApplicationScoped
public class AuditStore {
    @Inject
    Sql sql;
    @Inject
    Jdbc jdbc;

    public record AssetTotals(Asset asset, Balance accounts, Balance journal) {}

    /** Makes the current transaction read one snapshot; call before its first query. */
    public void repeatableRead() {
        sql.update("set transaction isolation level repeatable read");
    }

    /**
     * Per asset, the four columns summed over every account (rows plus unfolded deltas) and over
     * the journal, read in one snapshot.
     */
    public List<AssetTotals> totals() {
        repeatableRead();
        Map<Asset, Balance> accounts = new EnumMap<>(Asset.class);
        Map<Asset, Balance> journal = new EnumMap<>(Asset.class);
        for (Asset a : Asset.values()) {
            accounts.put(a, Balance.ZERO);
            journal.put(a, Balance.ZERO);
        }
        sql.list("select asset, sum(dp), sum(cp), sum(dq), sum(cq) from ("
                        + " select asset, debits_posted dp, credits_posted cp, debits_pending dq, credits_pending cq from account"
                        + " union all"
                        + " select a.asset, d.debits_posted, d.credits_posted, d.debits_pending, d.credits_pending"
                        + " from account_delta d join account a on a.id = d.account_id) x group by asset",
                r -> accounts.put(Asset.valueOf(r.getString(1)), new Balance(r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5))));
        sql.list("select a.asset, sum(m.debits_posted), sum(m.credits_posted), sum(m.debits_pending), "
                        + "sum(m.credits_pending) from posting_movement m join account a on a.id = m.account_id "
                        + "group by a.asset",
                r -> journal.put(Asset.valueOf(r.getString(1)), new Balance(r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5))));
        List<AssetTotals> totals = new ArrayList<>();
        for (Asset a : Asset.values()) {
            totals.add(new AssetTotals(a, accounts.get(a), journal.get(a)));
        }
        return totals;
    }

    /** Accounts whose stored balance (row plus deltas) differs from the sum of their postings. */
    public List<Long> accountsOutOfBalance() {
        return sql.list("with j as (select account_id, sum(debits_posted) dp, sum(credits_posted) cp, "
                + " sum(debits_pending) dq, sum(credits_pending) cq from posting_movement group by account_id), "
                + "d as (select account_id, sum(debits_posted) dp, sum(credits_posted) cp, sum(debits_pending) dq, "
                + " sum(credits_pending) cq from account_delta group by account_id) "
                + "select a.id from account a left join j on j.account_id = a.id left join d on d.account_id = a.id "
                + "where a.debits_posted + coalesce(d.dp, 0) <> coalesce(j.dp, 0) "
                + "   or a.credits_posted + coalesce(d.cp, 0) <> coalesce(j.cp, 0) "
                + "   or a.debits_pending + coalesce(d.dq, 0) <> coalesce(j.dq, 0) "
                + "   or a.credits_pending + coalesce(d.cq, 0) <> coalesce(j.cq, 0) order by a.id", r -> r.getLong(1));
    }

    public long count(String table) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException(table);
        }
        return sql.single("select count(*) from " + table, r -> r.getLong(1));
    }

    /** Appends committed transactions to the hash chain, one sealer at a time; returns how many. */
    public int seal(int limit) {
        return sql.single("select journal_seal(?)", r -> r.getInt(1), limit);
    }

    /** One sealed link of the chain, with what is needed to recompute it. */
    public record ChainLink(long seq, byte[] storedHash, ChainHash.Transaction transaction) {}

    /** Streams the sealed chain in order, to {@code sink}, a batch of links at a time. */
    public void chain(Consumer<ChainLink> sink) {
        // streamed with a fetch size, which Sql (it reads every row) does not express
        jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select ch.seq, ch.hash, t.id, t.kind, t.source_type, t.source_id, t.actor, t.memo, t.rule_version, "
                            + "t.reverses_id, t.resolves_id, t.created_at, "
                            + "(select array_agg(p.account_id order by p.account_id, p.phase) from posting p where p.transaction_id = t.id), "
                            + "(select array_agg(p.phase order by p.account_id, p.phase) from posting p where p.transaction_id = t.id), "
                            + "(select array_agg(p.amount order by p.account_id, p.phase) from posting p where p.transaction_id = t.id) "
                            + "from journal_chain ch join journal_transaction t on t.id = ch.transaction_id order by ch.seq")) {
                s.setFetchSize(1000);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        List<Posting> postings = new ArrayList<>();
                        Long[] accounts = (Long[]) r.getArray(13).getArray();
                        Short[] phases = (Short[]) r.getArray(14).getArray();
                        Long[] amounts = (Long[]) r.getArray(15).getArray();
                        for (int i = 0; i < accounts.length; i++) {
                            postings.add(new Posting(accounts[i], Phase.of(phases[i]), amounts[i]));
                        }
                        Instant created = r.getObject(12, OffsetDateTime.class).toInstant();
                        sink.accept(new ChainLink(r.getLong(1), r.getBytes(2), new ChainHash.Transaction(
                                r.getLong(3), r.getString(4), r.getString(5), r.getString(6), r.getString(7),
                                r.getString(8), (Integer) r.getObject(9), (Long) r.getObject(10),
                                (Long) r.getObject(11), created, postings)));
                    }
                }
            }
            return null;
        });
    }
}
