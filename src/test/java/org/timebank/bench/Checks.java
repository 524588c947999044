package org.timebank.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Collectors;
import org.timebank.ledger.domain.AccountPurpose;
import org.timebank.ledger.domain.ChainHash;
import org.timebank.ledger.domain.Phase;
import org.timebank.ledger.domain.Posting;

/**
 * The ledger's invariants, checked on the loaded database with set-based SQL (the load ran with
 * triggers off) and the hash chain recomputed from the stored rows with the service's own
 * {@link ChainHash}, as GET /ledger/verification does. Any failure throws.
 */
final class Checks {
    interface Connector {
        Connection connect() throws SQLException;
    }

    private final Connection c;
    private final Connector connector;
    private final Schema.Timing timing;

    Checks(Connection c, Connector connector, Schema.Timing timing) {
        this.c = c;
        this.connector = connector;
        this.timing = timing;
    }

    /** The set-based checks on this connection while the chain is recomputed on three others. */
    void all() throws Exception {
        FutureTask<Void> chain = new FutureTask<>(() -> {
            chain();
            return null;
        });
        Thread verifier = new Thread(chain, "chain-verifier");
        verifier.start();
        sql();
        try {
            chain.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : new IllegalStateException(e.getCause());
        }
    }

    private void sql() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("set work_mem = '1GB'");
        }
        check("nothing left to seal or fold", "select (select count(*) from journal_unsealed) "
                + "+ (select count(*) from account_delta)");
        check("every transaction: 2+ postings, zero per asset and phase",
                "select (select count(*) from journal_transaction) - count(*) filter (where n >= 2 "
                        + "and h0 = 0 and h1 = 0 and h2 = 0 and p0 = 0 and p1 = 0 and p2 = 0) "
                        + "from (select p.transaction_id, count(*) n, " + sums() + " from posting p "
                        + "join account a on a.id = p.account_id group by p.transaction_id) x");
        // the query AuditStore.accountsOutOfBalance runs for the trial balance
        check("every account's columns = the sums of its postings",
                "with j as (select account_id, sum(debits_posted) dp, sum(credits_posted) cp, sum(debits_pending) dq, "
                        + "sum(credits_pending) cq from posting_movement group by account_id) "
                        + "select count(*) from account a left join j on j.account_id = a.id "
                        + "where a.debits_posted <> coalesce(j.dp, 0) or a.credits_posted <> coalesce(j.cp, 0) "
                        + "or a.debits_pending <> coalesce(j.dq, 0) or a.credits_pending <> coalesce(j.cq, 0)");
        check("accounts carry their purpose's flags", "select count(*) from account where " + Arrays
                .stream(AccountPurpose.values())
                .map(p -> "(purpose = '" + p.name() + "' and (debits_must_not_exceed_credits <> "
                        + p.flags().debitsMustNotExceedCredits() + " or credits_must_not_exceed_debits <> "
                        + p.flags().creditsMustNotExceedDebits() + "))")
                .collect(Collectors.joining(" or ")));
        check("no flagged account overdrawn", "select count(*) from account "
                + "where (debits_must_not_exceed_credits and debits_posted + debits_pending > credits_posted) "
                + "or (credits_must_not_exceed_debits and credits_posted + credits_pending > debits_posted)");
        check("trial balance zero per asset", "select count(*) from (select asset from account group by asset "
                + "having sum(credits_posted) <> sum(debits_posted) or sum(credits_pending) <> sum(debits_pending)) x");
        check("approved claims point at their APPROVAL",
                "select count(*) from hour_claim h join journal_transaction t on t.id = h.transaction_id "
                        + "where t.kind <> 'APPROVAL' or t.source_type <> 'HOUR_CLAIM' or t.source_id <> h.id::text "
                        + "or t.rule_version is distinct from h.rule_set_id or t.created_at < h.submitted_at");
        check("every APPROVAL belongs to one claim", "select (select count(*) from journal_transaction "
                + "where kind = 'APPROVAL') - (select count(*) from hour_claim where transaction_id is not null)");
        check("reversed claims point at their REVERSAL",
                "select count(*) from hour_claim h join journal_transaction t on t.id = h.reversal_id "
                        + "where t.kind <> 'REVERSAL' or t.reverses_id <> h.transaction_id");
        check("redemptions point at their transaction",
                "select count(*) from redemption r join journal_transaction t on t.id = r.transaction_id "
                        + "where t.source_id <> r.id::text or t.kind <> case r.mode when 'HOLD' then 'HOLD' else 'REDEMPTION' end");
        check("redemptions of items cost their lines", "select count(*) from redemption r join (select redemption_id, "
                + "sum(quantity * points_price) s from redemption_line group by redemption_id) l on l.redemption_id = r.id "
                + "where l.s <> r.points");
        // what the redemption_lines trigger would have checked, had the load not run with triggers off
        check("lines say what was kept and released", "select count(*) from redemption r join (select redemption_id, "
                + "sum((quantity - released_quantity) * points_price) kept, bool_or(released_quantity > 0) any_released, "
                + "bool_and(released_quantity = quantity) all_released from redemption_line group by redemption_id) l "
                + "on l.redemption_id = r.id where (r.status = 'CAPTURED' and l.kept <> r.captured_points) "
                + "or (r.status = 'HELD' and l.any_released) or (r.status in ('VOIDED', 'EXPIRED') and not l.all_released)");
        check("holds resolved once, as their redemptions say", "select count(*) from hold h "
                + "left join journal_transaction t on t.resolves_id = h.id where t.id is null or h.status = 'PENDING'");
        chainSample();
        try (Statement s = c.createStatement()) {
            s.execute("reset work_mem");
        }
    }

    /** Sums per asset and phase of a transaction's postings, h0..h2 and p0..p2. */
    private static String sums() {
        List<String> parts = new ArrayList<>();
        for (String asset : List.of("HOURS", "POINTS")) {
            for (int phase = 0; phase < 3; phase++) {
                parts.add("coalesce(sum(p.amount) filter (where a.asset = '" + asset + "' and p.phase = " + phase + "), 0) "
                        + asset.toLowerCase().charAt(0) + phase);
            }
        }
        return String.join(", ", parts);
    }

    private void check(String what, String countOfViolations) throws SQLException {
        long t = System.nanoTime();
        long violations = DatasetGenerator.scalar(c, countOfViolations, r -> r.getLong(1));
        timing.done(what + (violations == 0 ? ": ok" : ": " + violations + " VIOLATIONS"), (System.nanoTime() - t) / 1e9);
        if (violations != 0) {
            throw new IllegalStateException(what + ": " + violations + " violations");
        }
    }

    /** Links checked with the database's own sealer arithmetic (journal_canonical), first, last and spread. */
    private void chainSample() throws SQLException {
        long n = DatasetGenerator.scalar(c, "select count(*) from journal_chain", r -> r.getLong(1));
        check("sampled links = sha256(previous || journal_canonical)",
                "select count(*) from journal_chain h left join journal_chain p on p.seq = h.seq - 1 "
                        + "where (h.seq <= 500 or h.seq > " + (n - 500) + " or h.seq % 997 = 0) and h.hash <> sha256("
                        + "coalesce(p.hash, '\\x" + "00".repeat(32) + "'::bytea) || convert_to(journal_canonical(h.transaction_id), 'UTF8'))");
    }

    /**
     * LedgerAudit.verify's recomputation, streamed: the chain in sequence order, each link from the
     * stored transaction and postings, compared with the stored hash; every transaction sealed.
     */
    private void chain() throws SQLException {
        long t = System.nanoTime();
        try (Connection tc = connector.connect(); Connection pc = connector.connect(); Connection hc = connector.connect()) {
            for (Connection x : List.of(tc, pc, hc)) {
                x.setAutoCommit(false);
                try (Statement s = x.createStatement()) {
                    s.execute("set transaction isolation level repeatable read");
                }
            }
            try (PreparedStatement ts = tc.prepareStatement("select id, kind, source_type, source_id, actor, memo, "
                    + "rule_version, reverses_id, resolves_id, created_at from journal_transaction order by id");
                 PreparedStatement ps = pc.prepareStatement(
                         "select transaction_id, account_id, phase, amount from posting order by transaction_id, account_id, phase");
                 PreparedStatement hs = hc.prepareStatement("select seq, transaction_id, hash from journal_chain order by seq")) {
                for (PreparedStatement s : List.of(ts, ps, hs)) {
                    s.setFetchSize(20_000);
                }
                try (ResultSet tr = ts.executeQuery(); ResultSet pr = ps.executeQuery(); ResultSet hr = hs.executeQuery()) {
                    byte[] previous = ChainHash.GENESIS;
                    long seq = 0;
                    boolean morePostings = pr.next();
                    while (hr.next()) {
                        seq++;
                        if (!tr.next()) {
                            throw new IllegalStateException("chain link " + seq + " has no transaction left");
                        }
                        long id = tr.getLong(1);
                        if (hr.getLong(1) != seq || hr.getLong(2) != id) {
                            throw new IllegalStateException("chain link " + hr.getLong(1) + " seals transaction "
                                    + hr.getLong(2) + ", expected seq " + seq + " for transaction " + id);
                        }
                        List<Posting> postings = new ArrayList<>(4);
                        while (morePostings && pr.getLong(1) == id) {
                            postings.add(new Posting(pr.getLong(2), Phase.of(pr.getShort(3)), pr.getLong(4)));
                            morePostings = pr.next();
                        }
                        ChainHash.Transaction tx = new ChainHash.Transaction(id, tr.getString(2), tr.getString(3),
                                tr.getString(4), tr.getString(5), tr.getString(6), (Integer) tr.getObject(7),
                                (Long) tr.getObject(8), (Long) tr.getObject(9),
                                tr.getObject(10, OffsetDateTime.class).toInstant(), postings);
                        previous = ChainHash.next(previous, tx);
                        if (!Arrays.equals(previous, hr.getBytes(3))) {
                            throw new IllegalStateException("chain link " + seq + " (transaction " + id
                                    + ") does not verify: " + ChainHash.canonical(tx));
                        }
                    }
                    if (tr.next()) {
                        throw new IllegalStateException("transaction " + tr.getLong(1) + " is not sealed");
                    }
                    timing.done("chain recomputed with ChainHash: " + seq + " links verify", (System.nanoTime() - t) / 1e9);
                }
            }
            for (Connection x : List.of(tc, pc, hc)) {
                x.commit();
            }
        }
    }
}
