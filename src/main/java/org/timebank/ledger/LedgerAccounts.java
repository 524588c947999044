package org.timebank.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.timebank.ledger.domain.Account;
import org.timebank.ledger.domain.AccountPurpose;
import org.timebank.ledger.domain.Asset;
import org.timebank.ledger.domain.OwnerType;
import org.timebank.ledger.domain.Party;
import org.timebank.ledger.domain.Prepared;
import org.timebank.ledger.domain.VolunteerAccounts;
import org.timebank.ledger.domain.Wallets;
import org.timebank.ledger.persistence.AccountStore;

/**
 * Who holds which account, and what it holds. Other features name an account by its owner, asset
 * and purpose; the ledger opens a community's accounts and a volunteer's debt accounts on their
 * first need, concurrency-safe, so region creation opens none ahead of time. Openings run in the
 * caller's transaction, so an account opened by a write that rolls back is gone with it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LedgerAccounts {
    @Inject
    AccountStore store;

    /** Opens a new volunteer's wallets. */
    public Wallets openWallets(long volunteerId) {
        return new Wallets(store.openAccount(Asset.HOURS, AccountPurpose.VOLUNTEER_WALLET, volunteerId),
                store.openAccount(Asset.POINTS, AccountPurpose.VOLUNTEER_WALLET, volunteerId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Wallets wallets(long volunteerId) {
        return wallets(volunteerId, store.accountIdsOf(OwnerType.VOLUNTEER, volunteerId));
    }

    /** The volunteer's wallet of this asset. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long wallet(long volunteerId, Asset asset) {
        return wallets(volunteerId).of(asset);
    }

    /** The wallets of many volunteers in one round trip, by volunteer id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, Wallets> wallets(List<Long> volunteerIds) {
        Map<Long, Map<String, Long>> own = store.accountIdsOf(OwnerType.VOLUNTEER, volunteerIds);
        Map<Long, Wallets> wallets = new HashMap<>();
        for (long id : volunteerIds) {
            wallets.put(id, wallets(id, own.getOrDefault(id, Map.of())));
        }
        return wallets;
    }

    /** The volunteer's wallets and debt accounts, in one round trip once the debt accounts are open. */
    public VolunteerAccounts volunteerAccounts(long volunteerId) {
        Map<String, Long> own = store.accountIdsOf(OwnerType.VOLUNTEER, volunteerId);
        return new VolunteerAccounts(wallets(volunteerId, own),
                ownOrOpen(own, Asset.HOURS, AccountPurpose.VOLUNTEER_DEBT, volunteerId),
                ownOrOpen(own, Asset.POINTS, AccountPurpose.VOLUNTEER_DEBT, volunteerId));
    }

    /** Every account of the volunteer with its balance, in one round trip. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Account> ofVolunteer(long volunteerId) {
        return store.accountsOf(OwnerType.VOLUNTEER, volunteerId);
    }

    /** The community's account of this asset and purpose (a COMMUNITY_ one), opened now if it was not yet. */
    public long communityAccount(long communityId, Asset asset, AccountPurpose purpose) {
        return store.openAccount(asset, owned(purpose, OwnerType.REGION), communityId);
    }

    /** The community's account of this asset and purpose, if it has been opened; opens nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Long> openedCommunityAccount(long communityId, Asset asset, AccountPurpose purpose) {
        return store.accountId(asset, owned(purpose, OwnerType.REGION), communityId);
    }

    /** The shop's points settlement account, opened now if it was not yet. */
    public long shopSettlement(long shopId) {
        return store.openAccount(Asset.POINTS, AccountPurpose.SHOP_SETTLEMENT, shopId);
    }

    /** The system account of this asset and purpose (opened by the migrations). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long systemAccount(Asset asset, AccountPurpose purpose) {
        return store.accountId(asset, owned(purpose, OwnerType.SYSTEM), 0).orElseThrow();
    }

    /** The account with its balance. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Account> account(long id) {
        return store.account(id);
    }

    /**
     * Locks the accounts in id order (the order a posting takes them), so that a balance read
     * afterwards stays true until the posting; for decisions that depend on a balance.
     */
    public void lock(List<Long> ids) {
        store.lockAccounts(ids);
    }

    /** {@link #lock} and their balances as of the lock, in one round trip; in id order. */
    public List<Account> locked(List<Long> ids) {
        return store.lockedAccounts(ids);
    }

    /** See {@link LedgerService#prepare}. */
    Map<Party, Prepared.PartyAccount> lockParties(List<Party> parties) {
        return store.lockParties(parties);
    }

    private static Wallets wallets(long volunteerId, Map<String, Long> own) {
        Long hours = own.get(AccountStore.key(Asset.HOURS, AccountPurpose.VOLUNTEER_WALLET));
        Long points = own.get(AccountStore.key(Asset.POINTS, AccountPurpose.VOLUNTEER_WALLET));
        if (hours == null || points == null) {
            throw new NoSuchElementException("no wallets for volunteer " + volunteerId);
        }
        return new Wallets(hours, points);
    }

    private long ownOrOpen(Map<String, Long> own, Asset asset, AccountPurpose purpose, long volunteerId) {
        Long id = own.get(AccountStore.key(asset, purpose));
        return id != null ? id : store.openAccount(asset, purpose, volunteerId);
    }

    private static AccountPurpose owned(AccountPurpose purpose, OwnerType owner) {
        if (purpose.owner() != owner) {
            throw new IllegalArgumentException(purpose + " accounts are not held by a " + owner);
        }
        return purpose;
    }
}
