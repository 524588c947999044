package org.timebank.hours;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.timebank.common.ApiException;
import org.timebank.common.Metrics;
import org.timebank.hours.domain.ApprovalPostings;
import org.timebank.hours.domain.ClaimApproved;
import org.timebank.hours.domain.ClaimRejected;
import org.timebank.hours.domain.ClaimReversed;
import org.timebank.hours.domain.ClaimReview;
import org.timebank.hours.domain.ClaimReview.Decision;
import org.timebank.hours.domain.ClaimRules;
import org.timebank.hours.domain.ConversionRuleSet;
import org.timebank.hours.domain.NewHourClaim;
import org.timebank.hours.domain.OverCap;
import org.timebank.hours.domain.ServedHours;
import org.timebank.hours.persistence.Activity;
import org.timebank.hours.persistence.ClaimDecisions;
import org.timebank.hours.persistence.ConversionRuleStore;
import org.timebank.hours.persistence.HourClaim;
import org.timebank.ledger.LedgerService;
import org.timebank.ledger.domain.Account;
import org.timebank.ledger.domain.AccountPurpose;
import org.timebank.ledger.domain.Asset;
import org.timebank.ledger.domain.Entry;
import org.timebank.ledger.domain.Phase;
import org.timebank.ledger.domain.Party;
import org.timebank.ledger.domain.Posting;
import org.timebank.ledger.domain.Prepared;
import org.timebank.ledger.domain.TransactionKind;
import org.timebank.ledger.domain.VolunteerAccounts;
import org.timebank.region.RegionService;
import org.timebank.region.domain.RegionLevel;
import org.timebank.region.domain.RegionRef;
import org.timebank.security.Caller;
import org.timebank.volunteer.VolunteerService;
import org.timebank.volunteer.domain.VolunteerRef;

/**
 * Hour claims from submission to posting: validation, scoped decisions (never on one's own hours,
 * two reviewers for long claims), conversion into points under the rules in force when the service
 * started, and reversal that never drives a wallet negative.
 */
@ApplicationScoped
public class HourClaimService {
    public static final String SOURCE = "HOUR_CLAIM";

    @Inject
    EntityManager em;
    @Inject
    RegionService regions;
    @Inject
    VolunteerService volunteers;
    @Inject
    ConversionRuleService rules;
    @Inject
    LedgerService ledger;
    @Inject
    ClaimDecisions decisions;
    @Inject
    Event<ClaimApproved> approvals;
    @Inject
    Event<ClaimReversed> reversals;
    @Inject
    Event<ClaimRejected> rejections;

    private final ClaimRules claimRules;

    @Inject
    public HourClaimService(HoursConfig config) {
        this.claimRules = new ClaimRules(config.maxClaimMinutes(), config.maxClaimAge(), config.clockSkew(),
                config.secondReviewAboveMinutes());
    }

    // ---- submission ----

    @Transactional(Transactional.TxType.MANDATORY)
    public HourClaim submit(Caller caller, NewHourClaim request) {
        Long self = caller.volunteerId();
        long volunteerId;
        if (request.volunteerId() == null) {
            if (self == null) {
                throw ApiException.badRequest("VALIDATION_FAILED", "volunteerId");
            }
            volunteerId = self;
        } else {
            volunteerId = request.volunteerId();
        }
        boolean onBehalf = self == null || volunteerId != self;
        if (onBehalf && !caller.isAdmin() && !caller.is(org.timebank.common.Roles.STAFF)) {
            throw ApiException.forbidden("FORBIDDEN");
        }
        VolunteerRef volunteer = volunteers.find(volunteerId).orElse(null);
        if (volunteer == null) {
            throw ApiException.unprocessable("VOLUNTEER_NOT_FOUND", volunteerId);
        }
        Activity activity = null;
        long communityId;
        String category;
        if (request.activityId() != null) {
            activity = Activity.findById(request.activityId());
            if (activity == null) {
                throw ApiException.unprocessable("ACTIVITY_NOT_FOUND", request.activityId());
            }
            communityId = activity.communityId;
            category = activity.category;
        } else {
            communityId = request.communityId() != null ? request.communityId() : volunteer.homeCommunityId();
            category = request.category() != null ? request.category() : ConversionRuleSet.DEFAULT_CATEGORY;
        }
        RegionRef community = regions.find(communityId).orElse(null);
        if (community == null) {
            throw ApiException.unprocessable("REGION_NOT_FOUND", communityId);
        }
        if (community.level() != RegionLevel.COMMUNITY) {
            throw ApiException.unprocessable("NOT_A_COMMUNITY", communityId);
        }
        if (onBehalf && !caller.covers(community.pathIds())) {
            throw ApiException.forbidden("NOT_IN_SCOPE", communityId);
        }
        Instant startsAt = request.startsAt();
        Instant endsAt = request.endsAt();
        if (activity == null) {
            // a bad period is named before the category it would be judged under; an activity's
            // category was judged when it was published
            requireValidPeriod(startsAt, endsAt);
            rules.requireKnownCategory(community, category, startsAt);
        }
        return record(caller.subject(), volunteerId, communityId, activity == null ? null : activity.id, category,
                startsAt, endsAt, request.description());
    }

    /** The rules a claimed period must meet; attendance checks a whole sheet with them before recording any of it. */
    public ClaimRules claimRules() {
        return claimRules;
    }

    /**
     * Records a pending claim after checking the period (the database refuses an overlap). Also the
     * way attendance records become claims.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public HourClaim record(String actor, long volunteerId, long communityId, Long activityId, String category,
                            Instant startsAt, Instant endsAt, String description) {
        requireValidPeriod(startsAt, endsAt);
        HourClaim claim = new HourClaim();
        claim.volunteerId = volunteerId;
        claim.communityId = communityId;
        claim.activityId = activityId;
        claim.category = category;
        claim.description = description == null || description.isBlank() ? null : description.strip();
        claim.startsAt = startsAt.atOffset(ZoneOffset.UTC);
        claim.endsAt = endsAt.atOffset(ZoneOffset.UTC);
        claim.minutes = Math.toIntExact(ClaimRules.minutes(startsAt, endsAt));
        claim.submittedBy = actor;
        claim.persist();
        em.flush();
        em.refresh(claim);
        Metrics.count("timebank.hours.claims.submitted", 1);
        return claim;
    }

    private void requireValidPeriod(Instant startsAt, Instant endsAt) {
        List<ClaimRules.Violation> violations = claimRules.check(startsAt, endsAt, Instant.now());
        if (!violations.isEmpty()) {
            throw new ApiException(422, violations.get(0).code(), violations.stream()
                    .map(v -> new ApiException.Item(v.field(), null, v.code(), claimRules.maxClaimMinutes()))
                    .toList(), claimRules.maxClaimMinutes());
        }
    }

    // ---- reading ----

    /** The claim, if the caller may see it: its volunteer, staff serving its community, an admin. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public HourClaim visible(Caller caller, long id, boolean lock) {
        HourClaim claim = lock ? HourClaim.findById(id, LockModeType.PESSIMISTIC_WRITE) : HourClaim.findById(id);
        if (claim == null || !(caller.isAdmin() || claim.volunteerId.equals(caller.volunteerId())
                || caller.covers(regions.require(claim.communityId).pathIds()))) {
            throw ApiException.notFound("CLAIM_NOT_FOUND", id);
        }
        return claim;
    }

    // ---- decisions ----

    /**
     * Approves or rejects one claim. Two staff deciding at once: the claim row lock lets exactly one
     * win. Reads twice (the claim with its rules, then its accounts) and writes once: the posting,
     * the claim's new state and the boards' delta go out together.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public HourClaim decide(Caller caller, long claimId, Decision decision, String reason) {
        ClaimDecisions.Locked locked = lockedForStaff(caller, claimId);
        HourClaim claim = locked.claim();
        String reviewer = caller.subject();
        ClaimReview.Outcome outcome = review(claim).decide(reviewer(caller, claim), decision, reason, claimRules);
        // to the microsecond, as the database keeps it, so the answer equals a later read
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        if (outcome instanceof ClaimReview.Refused refused) {
            throw refusal(refused);
        }
        if (outcome instanceof ClaimReview.Reject reject) {
            claim.status = ClaimReview.Status.REJECTED;
            claim.decidedBy = reviewer;
            claim.decidedAt = now;
            claim.reason = reject.reason();
            rejections.fire(new ClaimRejected(claim.id, claim.volunteerId, claim.startsAt, claim.minutes, claim.reason));
            Metrics.count("timebank.hours.claims.rejected", 1);
        } else if (outcome instanceof ClaimReview.AwaitSecondReview) {
            claim.status = ClaimReview.Status.AWAITING_SECOND_REVIEW;
            claim.firstReviewer = reviewer;
            claim.firstReviewedAt = now;
        } else {
            approve(locked, reviewer, ((ClaimReview.Approve) outcome).reason(), now);
        }
        decisions.write(claim);
        return claim;
    }

    /** Posts the locked claim's approval and marks it approved; the caller writes the claim. */
    private void approve(ClaimDecisions.Locked locked, String reviewer, String reason, OffsetDateTime now) {
        HourClaim claim = locked.claim();
        post(locked, reviewer);
        claim.status = ClaimReview.Status.APPROVED;
        claim.decidedBy = reviewer;
        claim.decidedAt = now;
        claim.reason = reason;
        approvals.fire(new ClaimApproved(claim.id, claim.volunteerId, claim.startsAt, claim.creditedMinutes,
                claim.points));
        Metrics.count("timebank.hours.claims.approved", 1);
    }

    /**
     * Records and approves at once the service a volunteer gave through a request for stored hours,
     * confirmed by the requester or staff ({@code actor}, never the provider): the provider earns as
     * for any approved claim, under the conversion rules in force when the service started, the
     * community's budget and the cap, in one APPROVAL transaction. The category is the request's if
     * the rules rate it, else DEFAULT. The period must not overlap the provider's other claims.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ServedHours approveServed(String actor, long volunteerId, long communityId, String category,
                                     Instant startsAt, Instant endsAt, String description) {
        RegionRef community = regions.require(communityId);
        boolean rated = rules.inForce(community.pathIds(), startsAt)
                .map(s -> ConversionRuleSet.isKnown(category, Optional.of(s.rules()))).orElse(false);
        HourClaim recorded = record(actor, volunteerId, communityId, null,
                rated ? category : ConversionRuleSet.DEFAULT_CATEGORY, startsAt, endsAt, description);
        ClaimDecisions.Locked locked = decisions.lock(recorded.id).orElseThrow();
        HourClaim claim = locked.claim();
        approve(locked, actor, null, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        decisions.write(claim);
        return new ServedHours(claim.id, claim.transactionId, claim.creditedMinutes, claim.points);
    }

    /** The claim, its row locked, if the caller serves its community; to anyone else it does not exist. */
    private ClaimDecisions.Locked lockedForStaff(Caller caller, long claimId) {
        ClaimDecisions.Locked locked = decisions.lock(claimId).orElse(null);
        if (locked == null || !caller.covers(locked.communityPath())) {
            throw ApiException.notFound("CLAIM_NOT_FOUND", claimId);
        }
        return locked;
    }

    private static ClaimReview review(HourClaim claim) {
        return new ClaimReview(claim.id, claim.status, claim.minutes, claim.firstReviewer);
    }

    private static ClaimReview.Reviewer reviewer(Caller caller, HourClaim claim) {
        return new ClaimReview.Reviewer(caller.subject(), caller.isVolunteer(claim.volunteerId));
    }

    private static ApiException refusal(ClaimReview.Refused refused) {
        Object[] args = refused.args().toArray();
        return switch (refused.reason()) {
            case FORBIDDEN -> ApiException.forbidden(refused.code(), args);
            case STATE -> ApiException.conflict(refused.code(), args);
            case MISSING_FIELD -> new ApiException(400, "VALIDATION_FAILED",
                    List.of(new ApiException.Item((String) args[0], null, refused.code(), null)), args);
        };
    }

    /**
     * The accounts an approval or its reversal touch: the volunteer's wallets (locked: the decision
     * reads them), their debt accounts (locked; an approval opens none, since without one there is no
     * debt to repay, while a reversal may create a debt), the community's budget (locked, if it has
     * one), its issuance accounts (named only: hot, they only give) and its pool (locked when the
     * rules may donate to it, or a reversal may take back what an approval donated).
     */
    private record Parties(Party hoursWallet, Party pointsWallet, Party hoursDebt, Party pointsDebt, Party hoursIssuance,
                           Party pointsIssuance, Party budget, Party pool) {
        /** The id an absent account stands in with: the postings never name it (nothing is owed, nothing donated). */
        private static final long ABSENT = 0;

        static Parties forApproval(HourClaim claim, boolean donates) {
            return of(claim, false, donates);
        }

        static Parties forReversal(HourClaim claim) {
            return of(claim, true, true);
        }

        private static Parties of(HourClaim claim, boolean openDebts, boolean pool) {
            long v = claim.volunteerId;
            long c = claim.communityId;
            return new Parties(Party.locked(v, Asset.HOURS, AccountPurpose.VOLUNTEER_WALLET),
                    Party.locked(v, Asset.POINTS, AccountPurpose.VOLUNTEER_WALLET),
                    debt(v, Asset.HOURS, openDebts), debt(v, Asset.POINTS, openDebts),
                    Party.named(c, Asset.HOURS, AccountPurpose.COMMUNITY_ISSUANCE),
                    Party.named(c, Asset.POINTS, AccountPurpose.COMMUNITY_ISSUANCE),
                    Party.lockedIfOpen(c, Asset.POINTS, AccountPurpose.COMMUNITY_BUDGET),
                    pool ? Party.locked(c, Asset.HOURS, AccountPurpose.COMMUNITY_POOL)
                            : Party.lockedIfOpen(c, Asset.HOURS, AccountPurpose.COMMUNITY_POOL));
        }

        private static Party debt(long volunteerId, Asset asset, boolean open) {
            return open ? Party.locked(volunteerId, asset, AccountPurpose.VOLUNTEER_DEBT)
                    : Party.lockedIfOpen(volunteerId, asset, AccountPurpose.VOLUNTEER_DEBT);
        }

        List<Party> all() {
            return List.of(hoursWallet, pointsWallet, hoursDebt, pointsDebt, hoursIssuance, pointsIssuance, budget, pool);
        }

        ApprovalPostings.Accounts accounts(Prepared p) {
            return new ApprovalPostings.Accounts(p.id(hoursWallet), p.id(pointsWallet), idOrAbsent(p, hoursDebt),
                    idOrAbsent(p, pointsDebt), p.id(hoursIssuance), budget(p).orElse(p.id(pointsIssuance)),
                    idOrAbsent(p, pool));
        }

        Optional<Long> budget(Prepared p) {
            return p.find(budget).map(Prepared.PartyAccount::id);
        }

        /** What the volunteer owes in this debt account: nothing if it was never opened. */
        long owed(Prepared p, Party debt) {
            return p.find(debt).flatMap(Prepared.PartyAccount::balance)
                    .map(b -> b.debitsPosted() - b.creditsPosted()).orElse(0L);
        }

        private static long idOrAbsent(Prepared p, Party party) {
            return p.find(party).map(Prepared.PartyAccount::id).orElse(ABSENT);
        }
    }

    /** Converts and posts an approved claim in one journal transaction, sent with the claim's update. */
    private void post(ClaimDecisions.Locked locked, String reviewer) {
        HourClaim claim = locked.claim();
        ConversionRuleSet set = Optional.ofNullable(locked.ruleSetId()).flatMap(rules::version)
                .map(ConversionRuleStore.Stored::rules)
                .orElseThrow(() -> ApiException.unprocessable("NO_CONVERSION_RULE", claim.category));
        ConversionRuleSet.Conversion conversion = set.convert(claim.category, claim.minutes, locked.activityRate());
        if (conversion instanceof ConversionRuleSet.NoRate) {
            throw ApiException.unprocessable("NO_CONVERSION_RULE", claim.category);
        }
        ConversionRuleSet.Converted converted = (ConversionRuleSet.Converted) conversion;

        // the pool is locked too when the rules may donate to it (grants draw on it)
        Parties parties = Parties.forApproval(claim, set.overCap() == OverCap.DONATE_TO_POOL);
        Prepared prepared = ledger.prepare(parties.all());
        Optional<Long> budget = parties.budget(prepared);
        if (budget.isPresent() && prepared.balance(parties.budget()).available() < converted.points()) {
            throw ApiException.unprocessable("BUDGET_EXHAUSTED", claim.communityId);
        }
        ApprovalPostings.Accounts a = parties.accounts(prepared);
        ApprovalPostings.Standing standing = new ApprovalPostings.Standing(
                prepared.balance(parties.hoursWallet()).posted(), parties.owed(prepared, parties.hoursDebt()),
                parties.owed(prepared, parties.pointsDebt()));
        ApprovalPostings.Outcome outcome = ApprovalPostings.approve(converted.creditedMinutes(), converted.points(), a,
                standing, set.hoursCapMinutes(), set.overCap());
        if (outcome instanceof ApprovalPostings.Refused refused) {
            throw ApiException.unprocessable(refused.code(), claim.id);
        }
        ApprovalPostings.Post post = (ApprovalPostings.Post) outcome;
        claim.ruleSetId = set.id();
        claim.creditedMinutes = converted.creditedMinutes();
        claim.points = converted.points();
        claim.transactionId = ledger.postPrepared(prepared, new Entry(TransactionKind.APPROVAL, SOURCE,
                claim.id.toString(), reviewer, null, set.id(), null, null, post.postings()));
    }


    // ---- reversal ----

    /** A reversed claim, and what the volunteer no longer held of what was taken back: now owed. */
    public record Reversal(HourClaim claim, long minutesOwed, long pointsOwed) {}

    /** Undoes an approved claim; what the volunteer no longer holds becomes a debt, never a negative wallet. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Reversal reverse(Caller caller, long claimId, String reason) {
        HourClaim claim = lockedForStaff(caller, claimId).claim();
        if (review(claim).reverse(reviewer(caller, claim)) instanceof ClaimReview.Refused refused) {
            throw refusal(refused);
        }
        List<Posting> approval = ledger.transaction(claim.transactionId).orElseThrow().entryPostings();
        // the pool too: what an approval donated to it is taken back from it
        Parties parties = Parties.forReversal(claim);
        Prepared prepared = ledger.prepare(parties.all());
        ApprovalPostings.Accounts a = parties.accounts(prepared);
        List<Posting> reversal = ApprovalPostings.reverse(approval, a,
                prepared.balance(parties.hoursWallet()).available(), prepared.balance(parties.pointsWallet()).available());
        claim.status = ClaimReview.Status.REVERSED;
        claim.reversalId = ledger.postPrepared(prepared, new Entry(TransactionKind.REVERSAL, SOURCE, claim.id.toString(),
                caller.subject(), reason.strip(), null, claim.transactionId, null, reversal));
        decisions.write(claim);
        reversals.fire(new ClaimReversed(claim.id, claim.volunteerId, claim.startsAt, claim.creditedMinutes,
                claim.points));
        Metrics.count("timebank.hours.claims.reversed", 1);
        long minutesOwed = debitTo(reversal, a.hoursDebt()) - creditTo(approval, a.hoursDebt());
        long pointsOwed = debitTo(reversal, a.pointsDebt()) - creditTo(approval, a.pointsDebt());
        return new Reversal(claim, Math.max(0, minutesOwed), Math.max(0, pointsOwed));
    }

    private static long debitTo(List<Posting> postings, long account) {
        return postings.stream().filter(p -> p.accountId() == account && p.phase() == Phase.POSTED && p.amount() < 0)
                .mapToLong(p -> -p.amount()).sum();
    }

    private static long creditTo(List<Posting> postings, long account) {
        return postings.stream().filter(p -> p.accountId() == account && p.phase() == Phase.POSTED && p.amount() > 0)
                .mapToLong(Posting::amount).sum();
    }
}
