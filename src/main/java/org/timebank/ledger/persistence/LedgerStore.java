package org.timebank.ledger.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.timebank.common.Jdbc;
import org.timebank.ledger.domain.AccountFlags;
import org.timebank.ledger.domain.AccountPurpose;
import org.timebank.ledger.domain.Asset;
import org.timebank.ledger.domain.Balance;
import org.timebank.ledger.domain.ChainHash;
import org.timebank.ledger.domain.Entry;
import org.timebank.ledger.domain.Hold;
import org.timebank.ledger.domain.Phase;
import org.timebank.ledger.domain.Posting;

/** The ledger's tables, through plain JDBC on the current transaction's connection. */
@ApplicationScoped
public class LedgerStore {
    @Inject
    Jdbc jdbc;
    @Inject
    TransactionSynchronizationRegistry transactions;

    /**
     * The ids of region, shop and system accounts, found once: an account's id never changes and no
     * account is ever deleted. Kept only once the transaction that saw the account commits, so an
     * account opened by a transaction that rolls back is never remembered. Volunteers' accounts (millions)
     * are not kept.
     */
    private final Map<String, Long> sharedAccountIds = new ConcurrentHashMap<>();

    public record PostedTransaction(long id, OffsetDateTime createdAt) {}

    public record AccountRow(long id, Asset asset, AccountPurpose purpose, String ownerType, long ownerId,
                             AccountFlags flags, Balance balance, long version, OffsetDateTime createdAt) {}

    public record PostingRow(long accountId, Asset asset, Phase phase, long amount) {}

    public record TransactionRow(long id, String kind, String sourceType, String sourceId, String actor, String memo,
                                 Integer ruleVersion, Long reversesId, Long reversedById, Long resolvesId,
                                 OffsetDateTime createdAt, List<PostingRow> postings, Long chainSeq, byte[] hash) {}

    public record AssetTotals(Asset asset, Balance accounts, Balance journal) {}

    /** Posts one entry in one round trip (the ledger_post function). */
    public PostedTransaction post(Entry e) {
        return jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select transaction_id, created_at from ledger_post(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
                s.setString(1, e.kind().name());
                s.setString(2, e.sourceType());
                s.setString(3, e.sourceId());
                s.setString(4, e.actor());
                s.setString(5, e.memo());
                setInteger(s, 6, e.ruleVersion());
                setLong(s, 7, e.reversesId());
                setLong(s, 8, e.resolvesId());
                s.setArray(9, c.createArrayOf("bigint", accounts));
                s.setArray(10, c.createArrayOf("bigint", amounts));
                s.setArray(11, c.createArrayOf("smallint", phases));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return new PostedTransaction(r.getLong(1), r.getObject(2, OffsetDateTime.class));
                }
            }
        });
    }

    /** Opens the account for (owner, asset, purpose), or returns the one already open. */
    public long openAccount(Asset asset, AccountPurpose purpose, String ownerType, long ownerId) {
        String shared = sharedKey(asset, purpose, ownerType, ownerId);
        Long known = shared == null ? null : sharedAccountIds.get(shared);
        if (known != null) {
            return known;
        }
        long id = jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement("select ledger_open_account(?, ?, ?, ?, ?, ?)")) {
                s.setString(1, asset.name());
                s.setString(2, purpose.name());
                s.setString(3, ownerType);
                s.setLong(4, ownerId);
                s.setBoolean(5, purpose.flags().debitsMustNotExceedCredits());
                s.setBoolean(6, purpose.flags().creditsMustNotExceedDebits());
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
        rememberOnCommit(shared, id);
        return id;
    }

    public Optional<Long> accountId(Asset asset, AccountPurpose purpose, String ownerType, long ownerId) {
        String shared = sharedKey(asset, purpose, ownerType, ownerId);
        Long known = shared == null ? null : sharedAccountIds.get(shared);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Long> id = jdbc.run(c -> findAccountId(c, asset, purpose, ownerType, ownerId));
        id.ifPresent(found -> rememberOnCommit(shared, found));
        return id;
    }

    private static String sharedKey(Asset asset, AccountPurpose purpose, String ownerType, long ownerId) {
        return "VOLUNTEER".equals(ownerType) ? null : ownerType + "/" + ownerId + "/" + asset + "/" + purpose;
    }

    private void rememberOnCommit(String key, long id) {
        if (key == null) {
            return;
        }
        try {
            if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
                return;
            }
        } catch (IllegalStateException e) {
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    sharedAccountIds.put(key, id);
                }
            }
        });
    }

    private static Optional<Long> findAccountId(Connection c, Asset asset, AccountPurpose purpose, String ownerType,
                                                long ownerId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select id from account where owner_type = ? and owner_id = ? and asset = ? and purpose = ?")) {
            s.setString(1, ownerType);
            s.setLong(2, ownerId);
            s.setString(3, asset.name());
            s.setString(4, purpose.name());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
            }
        }
    }

    private static final String ACCOUNT_SELECT =
            "select a.id, a.asset, a.purpose, a.owner_type, a.owner_id, a.debits_must_not_exceed_credits, "
                    + "a.credits_must_not_exceed_debits, "
                    + "a.debits_posted + coalesce(d.dp, 0), a.credits_posted + coalesce(d.cp, 0), "
                    + "a.debits_pending + coalesce(d.dq, 0), a.credits_pending + coalesce(d.cq, 0), a.version, a.created_at "
                    + "from account a left join lateral (select sum(debits_posted) dp, sum(credits_posted) cp, "
                    + "sum(debits_pending) dq, sum(credits_pending) cq from account_delta where account_id = a.id) d on true ";

    /** The account with its balance: the row plus the deltas not folded into it yet. */
    public Optional<AccountRow> account(long id) {
        return accounts(List.of(id)).stream().findFirst();
    }

    /** The ids of every account of one owner by asset and purpose, in one round trip. */
    public Map<String, Long> accountIdsOf(String ownerType, long ownerId) {
        return jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select asset, purpose, id from account where owner_type = ? and owner_id = ?")) {
                s.setString(1, ownerType);
                s.setLong(2, ownerId);
                Map<String, Long> ids = new HashMap<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ids.put(key(Asset.valueOf(r.getString(1)), AccountPurpose.valueOf(r.getString(2))), r.getLong(3));
                    }
                }
                return ids;
            }
        });
    }

    /** {@link #accountIdsOf} for many owners of one type in one round trip, by owner id. */
    public Map<Long, Map<String, Long>> accountIdsOf(String ownerType, List<Long> ownerIds) {
        return jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select owner_id, asset, purpose, id from account where owner_type = ? and owner_id = any (?)")) {
                s.setString(1, ownerType);
                s.setArray(2, c.createArrayOf("bigint", ownerIds.toArray(Long[]::new)));
                Map<Long, Map<String, Long>> ids = new HashMap<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ids.computeIfAbsent(r.getLong(1), o -> new HashMap<>())
                                .put(key(Asset.valueOf(r.getString(2)), AccountPurpose.valueOf(r.getString(3))), r.getLong(4));
                    }
                }
                return ids;
            }
        });
    }

    /** The key of {@link #accountIdsOf}'s map. */
    public static String key(Asset asset, AccountPurpose purpose) {
        return asset + "/" + purpose;
    }

    /** Every account of one owner, with balances, in one round trip (the owner's unique index serves it). */
    public List<AccountRow> accountsOf(String ownerType, long ownerId) {
        return jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(ACCOUNT_SELECT + "where a.owner_type = ? and a.owner_id = ? order by a.id")) {
                s.setString(1, ownerType);
                s.setLong(2, ownerId);
                try (ResultSet r = s.executeQuery()) {
                    return accountRows(r);
                }
            }
        });
    }

    public List<AccountRow> accounts(List<Long> ids) {
        return jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(ACCOUNT_SELECT + "where a.id = any (?) order by a.id")) {
                s.setArray(1, c.createArrayOf("bigint", ids.toArray(Long[]::new)));
                try (ResultSet r = s.executeQuery()) {
                    return accountRows(r);
                }
            }
        });
    }

    private static List<AccountRow> accountRows(ResultSet r) throws SQLException {
        List<AccountRow> rows = new ArrayList<>();
        while (r.next()) {
            rows.add(new AccountRow(r.getLong(1), Asset.valueOf(r.getString(2)), AccountPurpose.valueOf(r.getString(3)),
                    r.getString(4), r.getLong(5), new AccountFlags(r.getBoolean(6), r.getBoolean(7)),
                    new Balance(r.getLong(8), r.getLong(9), r.getLong(10), r.getLong(11)), r.getLong(12),
                    r.getObject(13, OffsetDateTime.class)));
        }
        return rows;
    }

    public Optional<TransactionRow> transaction(long id) {
        return jdbc.run(c -> {
            TransactionRow head;
            try (PreparedStatement s = c.prepareStatement(
                    "select t.id, t.kind, t.source_type, t.source_id, t.actor, t.memo, t.rule_version, t.reverses_id, "
                            + "(select r.id from journal_transaction r where r.reverses_id = t.id), t.resolves_id, "
                            + "t.created_at, ch.seq, ch.hash "
                            + "from journal_transaction t left join journal_chain ch on ch.transaction_id = t.id "
                            + "where t.id = ?")) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.<TransactionRow>empty();
                    }
                    head = new TransactionRow(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), r.getString(6), (Integer) r.getObject(7), (Long) r.getObject(8),
                            (Long) r.getObject(9), (Long) r.getObject(10), r.getObject(11, OffsetDateTime.class),
                            null, (Long) r.getObject(12), r.getBytes(13));
                }
            }
            List<PostingRow> postings = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "select p.account_id, a.asset, p.phase, p.amount from posting p join account a on a.id = p.account_id "
                            + "where p.transaction_id = ? order by p.phase, p.account_id")) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        postings.add(new PostingRow(r.getLong(1), Asset.valueOf(r.getString(2)), Phase.of(r.getShort(3)),
                                r.getLong(4)));
                    }
                }
            }
            return Optional.of(new TransactionRow(head.id(), head.kind(), head.sourceType(), head.sourceId(),
                    head.actor(), head.memo(), head.ruleVersion(), head.reversesId(), head.reversedById(),
                    head.resolvesId(), head.createdAt(), postings, head.chainSeq(), head.hash()));
        });
    }

    /** One transaction of an account history, with the postings on the given accounts only. */
    public record HistoryRow(long id, String kind, String sourceType, String sourceId, String memo, String actor,
                             OffsetDateTime createdAt, List<PostingRow> postings) {}

    /** Transactions touching any of these accounts, newest first, ids below {@code before} (if given). */
    public List<HistoryRow> history(List<Long> accountIds, Long before, int limit) {
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
                Map<Long, HistoryRow> rows = new LinkedHashMap<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long id = r.getLong(1);
                        HistoryRow row = rows.get(id);
                        if (row == null) {
                            row = new HistoryRow(id, r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                                    r.getString(11), r.getObject(6, OffsetDateTime.class), new ArrayList<>());
                            rows.put(id, row);
                        }
                        row.postings().add(new PostingRow(r.getLong(7), Asset.valueOf(r.getString(8)),
                                Phase.of(r.getShort(9)), r.getLong(10)));
                    }
                }
                return new ArrayList<>(rows.values());
            }
        });
    }

    /**
     * Per asset, the four columns summed over every account (rows plus unfolded deltas) and over
     * the journal, read in one snapshot.
     */
    public List<AssetTotals> totals() {
        repeatableRead();
        return jdbc.run(c -> {
            Map<Asset, Balance> accounts = new EnumMap<>(Asset.class);
            Map<Asset, Balance> journal = new EnumMap<>(Asset.class);
            for (Asset a : Asset.values()) {
                accounts.put(a, Balance.ZERO);
                journal.put(a, Balance.ZERO);
            }
            try (PreparedStatement s = c.prepareStatement(
                    "select asset, sum(dp), sum(cp), sum(dq), sum(cq) from ("
                            + " select asset, debits_posted dp, credits_posted cp, debits_pending dq, credits_pending cq from account"
                            + " union all"
                            + " select a.asset, d.debits_posted, d.credits_posted, d.debits_pending, d.credits_pending"
                            + " from account_delta d join account a on a.id = d.account_id) x group by asset");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    accounts.put(Asset.valueOf(r.getString(1)),
                            new Balance(r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5)));
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "select a.asset, sum(m.debits_posted), sum(m.credits_posted), sum(m.debits_pending), "
                            + "sum(m.credits_pending) from posting_movement m join account a on a.id = m.account_id "
                            + "group by a.asset");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    journal.put(Asset.valueOf(r.getString(1)),
                            new Balance(r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5)));
                }
            }
            List<AssetTotals> totals = new ArrayList<>();
            for (Asset a : Asset.values()) {
                totals.add(new AssetTotals(a, accounts.get(a), journal.get(a)));
            }
            return totals;
        });
    }

    /** Makes the current transaction read one snapshot; call before its first query. */
    public void repeatableRead() {
        jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement("set transaction isolation level repeatable read")) {
                return s.execute();
            }
        });
    }

    /** Accounts whose stored balance (row plus deltas) differs from the sum of their postings. */
    public List<Long> accountsOutOfBalance() {
        return jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "with j as (select account_id, sum(debits_posted) dp, sum(credits_posted) cp, "
                            + " sum(debits_pending) dq, sum(credits_pending) cq from posting_movement group by account_id), "
                            + "d as (select account_id, sum(debits_posted) dp, sum(credits_posted) cp, sum(debits_pending) dq, "
                            + " sum(credits_pending) cq from account_delta group by account_id) "
                            + "select a.id from account a left join j on j.account_id = a.id left join d on d.account_id = a.id "
                            + "where a.debits_posted + coalesce(d.dp, 0) <> coalesce(j.dp, 0) "
                            + "   or a.credits_posted + coalesce(d.cp, 0) <> coalesce(j.cp, 0) "
                            + "   or a.debits_pending + coalesce(d.dq, 0) <> coalesce(j.dq, 0) "
                            + "   or a.credits_pending + coalesce(d.cq, 0) <> coalesce(j.cq, 0) order by a.id");
                 ResultSet r = s.executeQuery()) {
                List<Long> ids = new ArrayList<>();
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
                return ids;
            }
        });
    }

    public int foldDeltas(int limit) {
        return callInt("select ledger_fold_deltas(?)", limit);
    }

    public int seal(int limit) {
        return callInt("select journal_seal(?)", limit);
    }

    private int callInt(String sql, int arg) {
        return jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setInt(1, arg);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getInt(1);
                }
            }
        });
    }

    public long count(String table) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException(table);
        }
        return jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement("select count(*) from " + table);
                 ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    /** One sealed link of the chain, with what is needed to recompute it. */
    public record ChainLink(long seq, byte[] storedHash, ChainHash.Transaction transaction) {}

    /** Streams the sealed chain in order, to {@code sink}, a batch of links at a time. */
    public void chain(Consumer<ChainLink> sink) {
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

    /**
     * Locks accounts in id order (the order ledger_post uses) so that a balance read afterwards
     * stays true until the posting; for decisions that depend on a balance (caps, budgets, debts).
     */
    public void lockAccounts(List<Long> ids) {
        jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select id from ledger_lock_accounts(?)")) {
                s.setArray(1, c.createArrayOf("bigint", ids.toArray(Long[]::new)));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        r.getLong(1);
                    }
                }
            }
            return null;
        });
    }

    /**
     * {@link #lockAccounts} and {@link #accounts} in one round trip: the accounts locked in id order,
     * with their balances as of the lock.
     */
    public List<AccountRow> lockedAccounts(List<Long> ids) {
        return jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select * from ledger_lock_accounts(?)")) {
                s.setArray(1, c.createArrayOf("bigint", ids.toArray(Long[]::new)));
                try (ResultSet r = s.executeQuery()) {
                    return accountRows(r);
                }
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

    // ---- holds ----

    public void insertHold(long id, long debitAccountId, long creditAccountId, long amount, Instant expiresAt) {
        jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select ledger_open_hold(?, ?, ?, ?, ?)")) {
                s.setLong(1, id);
                s.setLong(2, debitAccountId);
                s.setLong(3, creditAccountId);
                s.setLong(4, amount);
                s.setTimestamp(5, Timestamp.from(expiresAt));
                s.executeQuery().close();
                return null;
            }
        });
    }

    public record PendingHolds(Asset asset, long count, long amount) {}

    /** What pending holds reserve now, per asset (of the assets that have any). */
    public List<PendingHolds> pendingHolds() {
        return jdbc.run(c -> {
            // the partial index hold_open_expiry holds exactly the pending holds
            try (PreparedStatement s = c.prepareStatement(
                    "select a.asset, count(*), sum(h.amount) from hold h join account a on a.id = h.debit_account_id "
                            + "where h.status = 'PENDING' group by a.asset")) {
                List<PendingHolds> holds = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        holds.add(new PendingHolds(Asset.valueOf(r.getString(1)), r.getLong(2), r.getLong(3)));
                    }
                }
                return holds;
            }
        });
    }

    /** The hold, locked until the end of the transaction (a hold resolves exactly once). */
    public Optional<Hold> lockHold(long id) {
        return jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select id, debit_account_id, credit_account_id, amount, expires_at, status from ledger_lock_hold(?)")) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.<Hold>empty();
                    }
                    return Optional.of(new Hold(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4),
                            r.getTimestamp(5).toInstant(), Hold.Status.valueOf(r.getString(6))));
                }
            }
        });
    }

    public void markHold(long id, Hold.Status status, Long postedAmount) {
        jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select ledger_resolve_hold(?, ?, ?)")) {
                s.setLong(1, id);
                s.setString(2, status.name());
                setLong(s, 3, postedAmount);
                boolean resolved;
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    resolved = r.getBoolean(1);
                }
                if (!resolved) {
                    throw new IllegalStateException("hold " + id + " was not pending");
                }
                return null;
            }
        });
    }

    /** Pending holds past their expiry, oldest first, skipping those another worker has locked. */
    public List<Long> expiredHolds(int limit) {
        return jdbc.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select ledger_expired_holds(?)")) {
                s.setInt(1, limit);
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

    private static void setLong(PreparedStatement s, int i, Long v) throws SQLException {
        if (v == null) {
            s.setNull(i, Types.BIGINT);
        } else {
            s.setLong(i, v);
        }
    }

    private static void setInteger(PreparedStatement s, int i, Integer v) throws SQLException {
        if (v == null) {
            s.setNull(i, Types.INTEGER);
        } else {
            s.setInt(i, v);
        }
    }
}
