package org.timebank.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.timebank.common.ApiException;
import org.timebank.common.Metrics;
import org.timebank.common.Roles;
import org.timebank.family.FamilyLinkService;
import org.timebank.ledger.LedgerAccounts;
import org.timebank.ledger.LedgerService;
import org.timebank.ledger.domain.Account;
import org.timebank.ledger.domain.AccountPurpose;
import org.timebank.ledger.domain.Asset;
import org.timebank.ledger.domain.Balance;
import org.timebank.ledger.domain.Entry;
import org.timebank.ledger.domain.PostedTransaction;
import org.timebank.ledger.domain.TransactionKind;
import org.timebank.region.RegionService;
import org.timebank.region.domain.RegionLevel;
import org.timebank.region.domain.RegionRef;
import org.timebank.security.Caller;
import org.timebank.transfer.domain.DailyGiftLimit;
import org.timebank.transfer.domain.Grant;
import org.timebank.transfer.domain.NewGrant;
import org.timebank.transfer.domain.NewTransfer;
import org.timebank.transfer.domain.Pool;
import org.timebank.transfer.domain.Transfer;
import org.timebank.transfer.domain.TransferRulesInForce;
import org.timebank.transfer.domain.TransferType;
import org.timebank.transfer.persistence.TransferStore;
import org.timebank.volunteer.VolunteerService;
import org.timebank.volunteer.domain.VolunteerRef;

/**
 * Volunteers gift to each other and donate to a community's pool; staff grant from the pool. Every
 * transfer is one journal transaction; the wallets and the pool cannot be overdrawn (ledger flags).
 */
@ApplicationScoped
public class TransferService {
    public static final String VOLUNTEER_SOURCE = "VOLUNTEER";
    public static final String REGION_SOURCE = "REGION";

    @Inject
    LedgerService ledger;
    @Inject
    LedgerAccounts accounts;
    @Inject
    TransferStore store;
    @Inject
    RegionService regions;
    @Inject
    VolunteerService volunteers;
    @Inject
    TransferConfig config;
    @Inject
    FamilyLinkService family;

    // ---- gifts and donations ----

    @Transactional(Transactional.TxType.MANDATORY)
    public Transfer transfer(Caller caller, NewTransfer request) {
        Long self = caller.volunteerId();
        if (self == null) {
            throw ApiException.forbidden("FORBIDDEN");
        }
        VolunteerRef sender = volunteers.find(self).orElse(null);
        if (sender == null) {
            throw ApiException.unprocessable("VOLUNTEER_NOT_FOUND", self);
        }
        return request.type() == TransferType.GIFT
                ? gift(caller.subject(), sender, request)
                : donate(caller.subject(), sender, request);
    }

    private Transfer gift(String actor, VolunteerRef sender, NewTransfer request) {
        if (request.toVolunteerId() == null || request.communityId() != null) {
            throw ApiException.badRequest("VALIDATION_FAILED",
                    request.toVolunteerId() == null ? "toVolunteerId" : "communityId");
        }
        long to = request.toVolunteerId();
        if (to == sender.id()) {
            throw ApiException.unprocessable("TRANSFER_TO_SELF");
        }
        if (volunteers.find(to).isEmpty()) {
            throw ApiException.unprocessable("VOLUNTEER_NOT_FOUND", to);
        }
        Asset asset = request.asset();
        if (asset == Asset.HOURS) {
            TransferStore.RuleRow rule = store.ruleInForce(sender.homeCommunityId()).orElse(null);
            if (rule == null || !rule.hoursGiftsAllowed()) {
                throw ApiException.unprocessable("HOURS_GIFTS_NOT_ALLOWED", sender.homeCommunityId());
            }
            if (rule.hoursGiftsFamilyOnly() && family.confirmedBetween(sender.id(), to).isEmpty()) {
                throw ApiException.unprocessable("HOURS_GIFTS_FAMILY_ONLY", to);
            }
        }
        long from = accounts.wallet(sender.id(), asset);
        long into = accounts.wallet(to, asset);
        // both wallets in id order, as ledger_post takes them: holding the sender's wallet keeps its
        // other gifts of today out until this one commits, so together they cannot pass the limit
        accounts.lock(List.of(from, into));
        DailyGiftLimit limit = new DailyGiftLimit(asset == Asset.HOURS
                ? config.dailyGiftLimitMinutes() : config.dailyGiftLimitPoints());
        long giftedToday = store.giftedToday(from);
        if (!limit.allows(giftedToday, request.amount())) {
            throw ApiException.unprocessable("DAILY_GIFT_LIMIT_EXCEEDED", limit.limit(), giftedToday);
        }
        PostedTransaction posted = ledger.post(Entry.transfer(TransactionKind.GIFT, VOLUNTEER_SOURCE,
                Long.toString(sender.id()), actor, request.memo(), from, into, request.amount()));
        Metrics.count("timebank.transfers.gifts", 1);
        return new Transfer(posted.id(), TransferType.GIFT, sender.id(), to, null, asset, request.amount(),
                request.memo(), posted.createdAt());
    }

    private Transfer donate(String actor, VolunteerRef sender, NewTransfer request) {
        if (request.toVolunteerId() != null) {
            throw ApiException.badRequest("VALIDATION_FAILED", "toVolunteerId");
        }
        long communityId = request.communityId() != null ? request.communityId() : sender.homeCommunityId();
        RegionRef community = regions.find(communityId).orElse(null);
        if (community == null) {
            throw ApiException.unprocessable("REGION_NOT_FOUND", communityId);
        }
        if (community.level() != RegionLevel.COMMUNITY) {
            throw ApiException.unprocessable("NOT_A_COMMUNITY", communityId);
        }
        Asset asset = request.asset();
        long from = accounts.wallet(sender.id(), asset);
        long pool = accounts.communityAccount(communityId, asset, AccountPurpose.COMMUNITY_POOL);
        PostedTransaction posted = ledger.post(Entry.transfer(TransactionKind.DONATION, VOLUNTEER_SOURCE,
                Long.toString(sender.id()), actor, request.memo(), from, pool, request.amount()));
        Metrics.count("timebank.transfers.donations", 1);
        return new Transfer(posted.id(), TransferType.DONATION, sender.id(), null, communityId, asset,
                request.amount(), request.memo(), posted.createdAt());
    }

    // ---- the pool ----

    /**
     * Staff serving the community pay from its pool to a volunteer they may see (one whose home
     * community they serve); never to themselves.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Grant grant(Caller caller, long communityId, NewGrant request) {
        RegionRef community = community(communityId);
        if (!caller.is(Roles.STAFF) || !caller.covers(community.pathIds())) {
            throw ApiException.forbidden("NOT_IN_SCOPE", communityId);
        }
        if (caller.isVolunteer(request.volunteerId())) {
            throw ApiException.forbidden("GRANT_TO_SELF", request.volunteerId());
        }
        VolunteerRef volunteer = volunteers.find(request.volunteerId()).orElse(null);
        if (volunteer == null || !caller.covers(regions.require(volunteer.homeCommunityId()).pathIds())) {
            // one the caller may not see is as absent as an unknown id: nobody learns who else is registered
            throw ApiException.unprocessable("VOLUNTEER_NOT_FOUND", request.volunteerId());
        }
        long pool = accounts.communityAccount(communityId, request.asset(), AccountPurpose.COMMUNITY_POOL);
        long into = accounts.wallet(request.volunteerId(), request.asset());
        // the pool's balance holds from this read to the posting; the ledger's flag stays the backstop
        long available = accounts.locked(List.of(pool, into)).stream().filter(a -> a.id() == pool)
                .findFirst().orElseThrow().balance().available();
        if (available < request.amount()) {
            throw ApiException.unprocessable("POOL_INSUFFICIENT", communityId, available);
        }
        PostedTransaction posted = ledger.post(Entry.transfer(TransactionKind.GRANT, REGION_SOURCE,
                Long.toString(communityId), caller.subject(), request.reason(), pool, into, request.amount()));
        Metrics.count("timebank.transfers.grants", 1);
        return new Grant(posted.id(), communityId, request.volunteerId(), request.asset(), request.amount(),
                request.reason(), posted.createdAt());
    }

    /** The pool, for staff serving the community and admins; to anyone else it does not exist. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Pool pool(Caller caller, long communityId) {
        RegionRef community = community(communityId);
        if (!caller.covers(community.pathIds())) {
            throw ApiException.notFound("REGION_NOT_FOUND", communityId);
        }
        return new Pool(communityId, available(Asset.POINTS, communityId), available(Asset.HOURS, communityId));
    }

    private long available(Asset asset, long communityId) {
        return accounts.openedCommunityAccount(communityId, asset, AccountPurpose.COMMUNITY_POOL)
                .flatMap(accounts::account).map(Account::balance).map(Balance::available).orElse(0L);
    }

    private RegionRef community(long id) {
        RegionRef region = regions.require(id);
        if (region.level() != RegionLevel.COMMUNITY) {
            throw ApiException.unprocessable("NOT_A_COMMUNITY", id);
        }
        return region;
    }

    // ---- rules ----

    @Transactional(Transactional.TxType.SUPPORTS)
    public TransferRulesInForce rules(long regionId) {
        regions.require(regionId);
        return store.ruleInForce(regionId)
                .map(r -> new TransferRulesInForce(regionId, r.hoursGiftsAllowed(), r.hoursGiftsFamilyOnly(), r.regionId()))
                .orElse(new TransferRulesInForce(regionId, false, false, null));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public TransferRulesInForce putRules(long regionId, boolean hoursGiftsAllowed, boolean hoursGiftsFamilyOnly) {
        regions.require(regionId);
        store.putRule(regionId, hoursGiftsAllowed, hoursGiftsFamilyOnly);
        return rules(regionId);
    }
}
