package org.timebank.expiry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.timebank.common.Metrics;
import org.timebank.common.Times;
import org.timebank.expiry.domain.ExpiryInForce;
import org.timebank.expiry.domain.PointsExpiry;
import org.timebank.expiry.persistence.ExpiryStore;
import org.timebank.ledger.LedgerAccounts;
import org.timebank.ledger.LedgerService;
import org.timebank.ledger.domain.Account;
import org.timebank.ledger.domain.AccountPurpose;
import org.timebank.ledger.domain.Asset;
import org.timebank.ledger.domain.Entry;
import org.timebank.ledger.domain.TransactionKind;
import org.timebank.region.RegionService;
import org.timebank.region.domain.RegionRef;

/** Regions' points expiry rules, what a wallet will lose next, and the expiry of what is due. */
@ApplicationScoped
public class PointsExpiryService {
    static final String ACTOR = "system:points-expiry";

    @Inject
    ExpiryStore store;
    @Inject
    LedgerAccounts accounts;
    @Inject
    LedgerService ledger;
    @Inject
    RegionService regions;

    /** Sets the region's rule; it applies at once, to points already earned too. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ExpiryInForce put(long regionId, int months, String actor) {
        RegionRef region = regions.require(regionId);
        store.put(regionId, months, actor);
        return view(region);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ExpiryInForce get(long regionId) {
        return view(regions.require(regionId));
    }

    private ExpiryInForce view(RegionRef region) {
        Optional<ExpiryStore.Rule> rule = store.ruleFor(region.pathIds());
        return new ExpiryInForce(region.id(), rule.map(ExpiryStore.Rule::months).orElse(null),
                rule.map(ExpiryStore.Rule::regionId).orElse(null));
    }

    /** What the volunteer's wallet loses next and when; empty when nothing will expire. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PointsExpiry.NextExpiry> next(List<Long> homePath, long walletId, long debitsPosted) {
        return store.ruleFor(homePath)
                .flatMap(rule -> new PointsExpiry(rule.months()).next(store.credits(walletId), debitsPosted));
    }

    /** Wallets above {@code afterId} with something due at {@code now}, in id order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Long> walletsWithDue(Instant now, long afterId, int limit) {
        return store.walletsWithDue(now, afterId, limit);
    }

    /**
     * Expires what is due in one wallet at {@code now}; returns the points expired. The wallet is
     * locked before anything is read, so two runs at once expire it once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long expire(long walletId, Instant now) {
        Account wallet = accounts.locked(List.of(walletId)).stream().findFirst().orElseThrow();
        if (wallet.asset() != Asset.POINTS || wallet.purpose() != AccountPurpose.VOLUNTEER_WALLET) {
            throw new IllegalArgumentException("account " + walletId + " is not a points wallet");
        }
        Optional<ExpiryStore.Rule> rule = store.ruleForVolunteer(wallet.ownerId());
        if (rule.isEmpty()) {
            return 0;
        }
        PointsExpiry policy = new PointsExpiry(rule.get().months());
        long due = policy.due(store.credits(walletId), wallet.balance().debitsPosted(), wallet.balance().available(),
                now);
        if (due == 0) {
            return 0;
        }
        String memo = "earned up to " + Times.local(policy.cutoff(now).atOffset(ZoneOffset.UTC)) + ", "
                + policy.months() + " months";
        ledger.post(Entry.transfer(TransactionKind.EXPIRY, "REGION", Long.toString(rule.get().regionId()), ACTOR, memo,
                walletId, accounts.systemAccount(Asset.POINTS, AccountPurpose.BREAKAGE), due));
        Metrics.count("timebank.points.expired", due);
        return due;
    }
}
