package org.timebank.ledger.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.timebank.common.AfterCommit;
import org.timebank.common.Sql;
import org.timebank.ledger.domain.Party;
import org.timebank.ledger.domain.Prepared;
import org.timebank.ledger.domain.Account;
import org.timebank.ledger.domain.AccountFlags;
import org.timebank.ledger.domain.AccountPurpose;
import org.timebank.ledger.domain.Asset;
import org.timebank.ledger.domain.Balance;
import org.timebank.ledger.domain.OwnerType;

/**
 * Accounts and their balances: opening an account on first need, finding it by owner, reading
 * balances (the row plus the deltas of a hot account not folded into it yet), locking accounts
 * before a decision on their balance, and folding the deltas.
 */
@ApplicationScoped
public class AccountStore {
    @Inject
    Sql sql;

    /**
     * The ids of region, shop and system accounts, found once: an account's id never changes and no
     * account is ever deleted. Kept only once the transaction that saw the account commits, so an
     * account opened by a transaction that rolls back is never remembered. Volunteers' accounts (millions)
     * are not kept.
     */
    private final Map<String, Long> sharedAccountIds = new ConcurrentHashMap<>();

    /** Opens the account for (owner, asset, purpose), or returns the one already open; the purpose says the owner's type. */
    public long openAccount(Asset asset, AccountPurpose purpose, long ownerId) {
        OwnerType ownerType = purpose.owner();
        String shared = sharedKey(asset, purpose, ownerId);
        Long known = shared == null ? null : sharedAccountIds.get(shared);
        if (known != null) {
            return known;
        }
        long id = sql.single("select ledger_open_account(?, ?, ?, ?, ?, ?)", r -> r.getLong(1), asset.name(),
                purpose.name(), ownerType.name(), ownerId, purpose.flags().debitsMustNotExceedCredits(),
                purpose.flags().creditsMustNotExceedDebits());
        rememberOnCommit(shared, id);
        return id;
    }

    public Optional<Long> accountId(Asset asset, AccountPurpose purpose, long ownerId) {
        OwnerType ownerType = purpose.owner();
        String shared = sharedKey(asset, purpose, ownerId);
        Long known = shared == null ? null : sharedAccountIds.get(shared);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Long> id = sql.one("select id from account where owner_type = ? and owner_id = ? and asset = ? and purpose = ?",
                r -> r.getLong(1), ownerType.name(), ownerId, asset.name(), purpose.name());
        id.ifPresent(found -> rememberOnCommit(shared, found));
        return id;
    }

    private static String sharedKey(Asset asset, AccountPurpose purpose, long ownerId) {
        return purpose.owner() == OwnerType.VOLUNTEER ? null : purpose.owner() + "/" + ownerId + "/" + asset + "/" + purpose;
    }

    private void rememberOnCommit(String key, long id) {
        if (key != null) {
            AfterCommit.run(() -> sharedAccountIds.put(key, id));
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
    public Optional<Account> account(long id) {
        return accounts(List.of(id)).stream().findFirst();
    }

    /** The ids of every account of one owner by asset and purpose, in one round trip. */
    public Map<String, Long> accountIdsOf(OwnerType ownerType, long ownerId) {
        Map<String, Long> ids = new HashMap<>();
        sql.list("select asset, purpose, id from account where owner_type = ? and owner_id = ?",
                r -> ids.put(key(Asset.valueOf(r.getString(1)), AccountPurpose.valueOf(r.getString(2))), r.getLong(3)),
                ownerType.name(), ownerId);
        return ids;
    }

    /** {@link #accountIdsOf} for many owners of one type in one round trip, by owner id. */
    public Map<Long, Map<String, Long>> accountIdsOf(OwnerType ownerType, List<Long> ownerIds) {
        Map<Long, Map<String, Long>> ids = new HashMap<>();
        sql.list("select owner_id, asset, purpose, id from account where owner_type = ? and owner_id = any (?)",
                r -> ids.computeIfAbsent(r.getLong(1), o -> new HashMap<>())
                        .put(key(Asset.valueOf(r.getString(2)), AccountPurpose.valueOf(r.getString(3))), r.getLong(4)),
                ownerType.name(), ownerIds.toArray(Long[]::new));
        return ids;
    }

    /** The key of {@link #accountIdsOf}'s map. */
    public static String key(Asset asset, AccountPurpose purpose) {
        return asset + "/" + purpose;
    }

    /** Every account of one owner, with balances, in one round trip (the owner's unique index serves it). */
    public List<Account> accountsOf(OwnerType ownerType, long ownerId) {
        return sql.list(ACCOUNT_SELECT + "where a.owner_type = ? and a.owner_id = ? order by a.id", AccountStore::accountRow,
                ownerType.name(), ownerId);
    }

    private List<Account> accounts(List<Long> ids) {
        return sql.list(ACCOUNT_SELECT + "where a.id = any (?) order by a.id", AccountStore::accountRow,
                (Object) ids.toArray(Long[]::new));
    }

    /**
     * Locks accounts in id order (the order ledger_post uses) so that a balance read afterwards
     * stays true until the posting; for decisions that depend on a balance (caps, budgets, debts).
     */
    public void lockAccounts(List<Long> ids) {
        sql.list("select id from ledger_lock_accounts(?)", r -> r.getLong(1), (Object) ids.toArray(Long[]::new));
    }

    /**
     * {@link #lockAccounts} and {@link #accounts} in one round trip: the accounts locked in id order,
     * with their balances as of the lock.
     */
    public List<Account> lockedAccounts(List<Long> ids) {
        return sql.list("select * from ledger_lock_accounts(?)", AccountStore::accountRow, (Object) ids.toArray(Long[]::new));
    }

    private static Account accountRow(ResultSet r) throws SQLException {
        return new Account(r.getLong(1), Asset.valueOf(r.getString(2)), AccountPurpose.valueOf(r.getString(3)),
                OwnerType.valueOf(r.getString(4)), r.getLong(5), new AccountFlags(r.getBoolean(6), r.getBoolean(7)),
                new Balance(r.getLong(8), r.getLong(9), r.getLong(10), r.getLong(11)), r.getLong(12),
                r.getObject(13, OffsetDateTime.class));
    }

    /**
     * The parties' accounts, found or opened as each asks, the locked ones in id order with their
     * balances as of the lock; one round trip (ledger_lock_parties). Absent: a party not to be opened
     * that has no account.
     */
    public Map<Party, Prepared.PartyAccount> lockParties(List<Party> parties) {
        int n = parties.size();
        String[] ownerTypes = new String[n];
        Long[] ownerIds = new Long[n];
        String[] assets = new String[n];
        String[] purposes = new String[n];
        Boolean[] open = new Boolean[n];
        Boolean[] lock = new Boolean[n];
        Boolean[] debitsWithinCredits = new Boolean[n];
        Boolean[] creditsWithinDebits = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Party p = parties.get(i);
            ownerTypes[i] = p.purpose().owner().name();
            ownerIds[i] = p.ownerId();
            assets[i] = p.asset().name();
            purposes[i] = p.purpose().name();
            open[i] = p.open();
            lock[i] = p.lock();
            debitsWithinCredits[i] = p.purpose().flags().debitsMustNotExceedCredits();
            creditsWithinDebits[i] = p.purpose().flags().creditsMustNotExceedDebits();
        }
        Map<Party, Prepared.PartyAccount> found = new HashMap<>();
        sql.list("select party, account_id, locked, debits_posted, credits_posted, debits_pending, credits_pending "
                        + "from ledger_lock_parties(?, ?, ?, ?, ?, ?, ?, ?)",
                r -> found.put(parties.get(r.getInt(1) - 1), new Prepared.PartyAccount(r.getLong(2), r.getBoolean(3)
                        ? Optional.of(new Balance(r.getLong(4), r.getLong(5), r.getLong(6), r.getLong(7)))
                        : Optional.empty())),
                ownerTypes, ownerIds, assets, purposes, Sql.booleans(open), Sql.booleans(lock),
                Sql.booleans(debitsWithinCredits), Sql.booleans(creditsWithinDebits));
        return found;
    }

    /** Folds the deltas of unchecked (hot) accounts into their rows; returns how many. */
    public int foldDeltas(int limit) {
        return sql.single("select ledger_fold_deltas(?)", r -> r.getInt(1), limit);
    }
}
