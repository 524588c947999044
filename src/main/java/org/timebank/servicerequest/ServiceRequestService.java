package org.timebank.servicerequest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.timebank.common.ApiException;
import org.timebank.notice.Notices;
import org.timebank.notice.domain.NewNotice;
import org.timebank.notice.domain.NoticeKind;
import org.timebank.common.Messages;
import org.timebank.common.Metrics;
import org.timebank.common.Page;
import org.timebank.common.Paging;
import org.timebank.common.Roles;
import org.timebank.hours.HourClaimService;
import org.timebank.hours.domain.ServedHours;
import org.timebank.ledger.LedgerAccounts;
import org.timebank.ledger.LedgerService;
import org.timebank.ledger.domain.AccountPurpose;
import org.timebank.ledger.domain.Asset;
import org.timebank.ledger.domain.PostedTransaction;
import org.timebank.region.RegionService;
import org.timebank.region.domain.RegionLevel;
import org.timebank.region.domain.RegionRef;
import org.timebank.security.Caller;
import org.timebank.servicerequest.domain.HoursLiability;
import org.timebank.servicerequest.domain.NeedApproval;
import org.timebank.servicerequest.domain.NewServiceRequest;
import org.timebank.servicerequest.domain.Party;
import org.timebank.servicerequest.domain.PayerType;
import org.timebank.servicerequest.domain.RequestStatus;
import org.timebank.servicerequest.domain.ResolutionDecision;
import org.timebank.servicerequest.domain.ServiceProfile;
import org.timebank.servicerequest.domain.ServiceRequest;
import org.timebank.servicerequest.domain.ServiceRequestDetails;
import org.timebank.servicerequest.domain.ServiceRulesInForce;
import org.timebank.servicerequest.domain.Settlement;
import org.timebank.servicerequest.persistence.ServiceRequestStore;
import org.timebank.volunteer.VolunteerService;
import org.timebank.volunteer.domain.VolunteerRef;

/**
 * Needs paid with stored hours, from posting to settlement. Every step locks the request's row, asks
 * {@link ServiceRequest} and carries out its answer in the same database transaction as the ledger's
 * hold, posting or release, so that concurrent steps on one request resolve exactly once.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ServiceRequestService {
    public static final String SOURCE = "SERVICE_REQUEST";

    @Inject
    ServiceRequestStore store;
    @Inject
    ServiceRuleService rules;
    @Inject
    RegionService regions;
    @Inject
    VolunteerService volunteers;
    @Inject
    LedgerService ledger;
    @Inject
    LedgerAccounts accounts;
    @Inject
    HourClaimService hours;
    @Inject
    FamilyConsent family;
    @Inject
    ServiceRequestConfig config;
    @Inject
    Notices notices;

    // ---- posting a need ----

    public ServiceRequestDetails create(Caller caller, NewServiceRequest request) {
        Long self = caller.volunteerId();
        long requesterId;
        if (request.requesterId() != null) {
            requesterId = request.requesterId();
        } else if (self != null) {
            requesterId = self;
        } else {
            throw ApiException.badRequest("VALIDATION_FAILED", "requesterId");
        }
        boolean onBehalf = self == null || requesterId != self;
        boolean staff = caller.is(Roles.STAFF) || caller.isAdmin();
        if (onBehalf && !staff) {
            throw ApiException.forbidden("FORBIDDEN");
        }
        VolunteerRef requester = volunteers.find(requesterId)
                .orElseThrow(() -> ApiException.unprocessable("VOLUNTEER_NOT_FOUND", requesterId));
        long communityId = request.communityId() != null ? request.communityId() : requester.homeCommunityId();
        RegionRef community = community(communityId);
        boolean serves = staff && caller.covers(community.pathIds());
        if (onBehalf && !serves) {
            throw ApiException.forbidden("NOT_IN_SCOPE", communityId);
        }
        if (request.place() == null) {
            throw ApiException.badRequest("VALIDATION_FAILED", "place");
        }
        if (!request.windowEndsAt().isAfter(request.windowStartsAt())) {
            throw new ApiException(422, "SERVICE_WINDOW_INVALID",
                    List.of(new ApiException.Item("windowEndsAt", null, "SERVICE_WINDOW_INVALID", null)));
        }
        if (!request.windowEndsAt().isAfter(Instant.now())) {
            throw new ApiException(422, "SERVICE_WINDOW_PAST",
                    List.of(new ApiException.Item("windowEndsAt", null, "SERVICE_WINDOW_PAST", null)));
        }
        ServiceRulesInForce inForce = rules.inForce(community);
        if (!inForce.offers(request.category())) {
            throw new ApiException(422, "SERVICE_CATEGORY_NOT_OFFERED",
                    List.of(new ApiException.Item("category", null, "SERVICE_CATEGORY_NOT_OFFERED", request.category())),
                    request.category());
        }
        Long payerVolunteerId = payer(caller, request, requesterId, serves);
        requireEligible(inForce, requesterId, payerVolunteerId);
        long id = store.insert(requesterId, communityId, request.category(), request.description(), request.place(),
                request.windowStartsAt(), request.windowEndsAt(), request.expectedMinutes(), request.payerType(),
                payerVolunteerId, request.payerReason(), caller.subject());
        Metrics.count("timebank.service-requests.created", 1, "payer", request.payerType().name());
        return store.find(id).orElseThrow();
    }

    /** The region's word on who may withdraw: an approved need where it asks for one, the payer's stored minimum. */
    private void requireEligible(ServiceRulesInForce rule, long requesterId, Long payerVolunteerId) {
        if (rule.approvedNeedRequired() && store.needApproval(requesterId).isEmpty()) {
            throw ApiException.unprocessable("SERVICE_NEED_NOT_APPROVED", requesterId);
        }
        if (rule.minStoredMinutes() != null && payerVolunteerId != null) {
            long stored = accounts.account(accounts.wallet(payerVolunteerId, Asset.HOURS)).orElseThrow().balance().posted();
            if (stored < rule.minStoredMinutes()) {
                throw ApiException.unprocessable("STORED_HOURS_BELOW_MINIMUM", new Messages.Minutes(stored),
                        new Messages.Minutes(rule.minStoredMinutes()));
            }
        }
    }

    // ---- staff-approved needs ----

    /** Staff serving the volunteer's home community approve (or, with {@code approved} false, withdraw) their need. */
    public Optional<NeedApproval> setNeedApproval(Caller caller, long volunteerId, boolean approved, String reason) {
        VolunteerRef v = volunteers.find(volunteerId)
                .orElseThrow(() -> ApiException.notFound("VOLUNTEER_NOT_FOUND", volunteerId));
        if (!(caller.is(Roles.STAFF) || caller.isAdmin())
                || !caller.covers(regions.require(v.homeCommunityId()).pathIds())) {
            throw ApiException.notFound("VOLUNTEER_NOT_FOUND", volunteerId);
        }
        if (caller.isVolunteer(volunteerId)) {
            throw ApiException.forbidden("FORBIDDEN");
        }
        if (approved) {
            if (reason == null || reason.isBlank()) {
                throw ApiException.unprocessable("REASON_REQUIRED");
            }
            store.approveNeed(volunteerId, caller.subject(), reason.strip());
        } else {
            store.withdrawNeed(volunteerId);
        }
        return store.needApproval(volunteerId);
    }

    /** The approval, if any, of a volunteer's need (themself, staff in scope, admin). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<NeedApproval> needApproval(Caller caller, long volunteerId) {
        volunteers.visibleTo(caller, volunteerId);
        return store.needApproval(volunteerId);
    }

    /** The volunteer whose wallet pays (none for the pool), after checking who may name them. */
    private Long payer(Caller caller, NewServiceRequest request, long requesterId, boolean serves) {
        switch (request.payerType()) {
            case SELF -> {
                if (request.payerVolunteerId() != null && request.payerVolunteerId() != requesterId) {
                    throw ApiException.badRequest("VALIDATION_FAILED", "payerVolunteerId");
                }
                return requesterId;
            }
            case FAMILY -> {
                Long payer = request.payerVolunteerId();
                if (payer == null) {
                    throw ApiException.badRequest("VALIDATION_FAILED", "payerVolunteerId");
                }
                if (payer == requesterId) {
                    throw ApiException.unprocessable("FAMILY_PAYER_IS_REQUESTER");
                }
                family.requireLinked(requesterId, payer);
                return payer;
            }
            case COMMUNITY_POOL -> {
                if (!serves || !caller.is(Roles.STAFF)) {
                    throw ApiException.forbidden("POOL_PAYER_STAFF_ONLY");
                }
                if (request.payerVolunteerId() != null) {
                    throw ApiException.badRequest("VALIDATION_FAILED", "payerVolunteerId");
                }
                if (request.payerReason() == null) {
                    throw ApiException.badRequest("VALIDATION_FAILED", "payerReason");
                }
                return null;
            }
            default -> throw new IllegalStateException(request.payerType().name());
        }
    }

    // ---- reading ----

    /**
     * The request, if the caller may see it: any volunteer an OPEN one (to take it; its place is
     * coarse), its requester, payer and provider, staff serving its community, admins.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ServiceRequestDetails visible(Caller caller, long id) {
        ServiceRequestDetails r = store.find(id).orElseThrow(() -> notFound(id));
        if (!parties(caller, r).isEmpty() || r.status() == RequestStatus.OPEN && caller.volunteerId() != null) {
            return r;
        }
        throw notFound(id);
    }

    /** What a list asks for; {@code near} narrows a volunteer's list to their home community or street. */
    public record Filter(Long regionId, RequestStatus status, String category, Relation relation, Near near,
                         boolean matching, Boolean escalated, Instant from, Instant to) {}

    /** The caller's own part in the requests listed. */
    public enum Relation { REQUESTER, PROVIDER, PAYER }

    public enum Near { COMMUNITY, STREET }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ServiceRequestDetails> list(Caller caller, Filter f, Paging paging) {
        Long[] scope = null;
        Long viewer = null;
        if (!caller.isAdmin()) {
            if (caller.is(Roles.STAFF)) {
                scope = caller.regions().toArray(Long[]::new);
            } else {
                viewer = caller.volunteerId();
                if (viewer == null) {
                    throw ApiException.forbidden("FORBIDDEN");
                }
            }
        }
        Long me = caller.volunteerId();
        if ((f.relation() != null || f.near() != null || f.matching()) && me == null) {
            throw ApiException.badRequest("INVALID_PARAMETER",
                    f.relation() != null ? "relation" : f.near() != null ? "near" : "matching");
        }
        Long region = f.regionId();
        if (f.near() != null) {
            VolunteerRef self = volunteers.find(me).orElseThrow(() -> ApiException.unprocessable("VOLUNTEER_NOT_FOUND", me));
            List<Long> path = regions.require(self.homeCommunityId()).pathIds();
            region = f.near() == Near.COMMUNITY ? path.get(path.size() - 1) : path.get(Math.max(0, path.size() - 2));
        }
        List<ServiceRequestDetails> rows = store.list(new ServiceRequestStore.Query(scope, viewer, region, f.status(),
                f.category(), f.relation() == Relation.REQUESTER ? me : null,
                f.relation() == Relation.PROVIDER ? me : null, f.relation() == Relation.PAYER ? me : null,
                f.matching() ? me : null, f.escalated(), f.from(), f.to(), paging.after(), paging.limit() + 1));
        return paging.page(rows, ServiceRequestDetails::id);
    }

    // ---- the bank's liability ----

    /** Stored hours owed over a region's subtree (staff serving the region, admins). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public HoursLiability liability(Caller caller, long regionId) {
        RegionRef region = regions.require(regionId);
        if (!(caller.is(Roles.STAFF) || caller.isAdmin()) || !caller.covers(region.pathIds())) {
            throw ApiException.forbidden("NOT_IN_SCOPE", regionId);
        }
        long[] wallets = store.walletTotals(regionId);
        // issuance runs negative by what it issued
        long deposited = -store.communityTotal(regionId, AccountPurpose.COMMUNITY_ISSUANCE.name());
        long pool = store.communityTotal(regionId, AccountPurpose.COMMUNITY_POOL.name());
        String from = java.time.YearMonth.now(org.timebank.common.Times.ZONE).minusMonths(11).toString();
        return new HoursLiability(regionId, deposited, store.withdrawnTotal(regionId), wallets[0], wallets[1], pool,
                store.withdrawalsByMonth(regionId, from));
    }

    // ---- the resources list ----

    /** A volunteer's skills and availability (themself, staff in scope, admin). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ServiceProfile profile(Caller caller, long volunteerId) {
        volunteers.visibleTo(caller, volunteerId);
        return store.profile(volunteerId);
    }

    /** The volunteer themself declares what they offer; replaces what they declared before. */
    public ServiceProfile putProfile(Caller caller, ServiceProfile profile) {
        if (!java.util.Objects.equals(caller.volunteerId(), profile.volunteerId())) {
            throw ApiException.forbidden("FORBIDDEN");
        }
        store.replaceProfile(profile);
        return store.profile(profile.volunteerId());
    }

    /** The volunteers homed in a region's subtree who offer a skill (staff serving it, admin), by id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ServiceProfile> resources(Caller caller, long regionId, String category, Paging paging) {
        RegionRef region = regions.require(regionId);
        if (!(caller.is(Roles.STAFF) || caller.isAdmin()) || !caller.covers(region.pathIds())) {
            throw ApiException.forbidden("NOT_IN_SCOPE", regionId);
        }
        List<ServiceProfile> rows = store.resources(regionId, category, paging.after(), paging.limit() + 1).stream()
                .map(store::profile).toList();
        return paging.page(rows, ServiceProfile::volunteerId);
    }

    // ---- the steps ----

    /** A volunteer takes the request; the payer's hours are held for the expected minutes. */
    public ServiceRequestDetails accept(Caller caller, long id) {
        Long provider = caller.volunteerId();
        if (provider == null) {
            throw ApiException.forbidden("FORBIDDEN");
        }
        // a request that was taken while the caller looked at it answers SERVICE_REQUEST_NOT_OPEN, not 404:
        // every open request is public, so its id says nothing, and the loser of a race learns why
        ServiceRequestDetails r = store.lock(id).orElseThrow(() -> notFound(id));
        ServiceRequest.Step step = step(r.lifecycle().accept(provider));
        if (volunteers.find(provider).isEmpty()) {
            throw ApiException.unprocessable("VOLUNTEER_NOT_FOUND", provider);
        }
        RegionRef community = regions.require(r.communityId());
        Settlement settlement = rules.inForce(community).settlement();
        long from = payerAccount(r);
        long to = settlement == Settlement.BANK
                ? accounts.communityAccount(r.communityId(), Asset.HOURS, AccountPurpose.COMMUNITY_WITHDRAWN)
                : accounts.wallet(provider, Asset.HOURS);
        if (r.payerType() == PayerType.FAMILY) {
            // the payer's wallet first: their other acceptances queue here until this one's hold commits
            accounts.lock(List.of(from));
            family.requireConsent(r.requesterId(), r.payerVolunteerId(), step.minutes());
        }
        Instant now = Instant.now();
        Instant until = (r.windowEndsAt().toInstant().isAfter(now) ? r.windowEndsAt().toInstant() : now)
                .plus(config.holdAfterWindow());
        PostedTransaction hold = ledger.hold(SOURCE, Long.toString(id), caller.subject(), memo(settlement, r), from, to,
                step.minutes(), Duration.between(now, until));
        store.markAccepted(id, provider, settlement, hold.id());
        notices.enqueue(new NewNotice(r.requesterId(), NoticeKind.SERVICE_REQUEST_ACCEPTED, Long.toString(id),
                Map.of("requestId", Long.toString(id), "category", r.category())));
        Metrics.count("timebank.service-requests.accepted", 1, "settlement", settlement.name());
        return store.find(id).orElseThrow();
    }

    public ServiceRequestDetails cancel(Caller caller, long id, String reason) {
        ServiceRequestDetails r = lockVisible(caller, id);
        ServiceRequest.Step step = step(r.lifecycle().cancel(parties(caller, r), reason, holdTimedOut(r)));
        return close(caller, r, step, reason);
    }

    public ServiceRequestDetails noShow(Caller caller, long id, String reason) {
        ServiceRequestDetails r = lockVisible(caller, id);
        ServiceRequest.Step step = step(r.lifecycle().noShow(parties(caller, r), holdTimedOut(r)));
        return close(caller, r, step, reason);
    }

    public ServiceRequestDetails reportCompletion(Caller caller, long id, int minutes) {
        ServiceRequestDetails r = lockVisible(caller, id);
        ServiceRequest.Step step = step(r.lifecycle().reportCompletion(parties(caller, r), minutes, holdTimedOut(r)));
        store.markReported(id, step.minutes());
        notices.enqueue(new NewNotice(r.requesterId(), NoticeKind.SERVICE_REQUEST_COMPLETED, Long.toString(id),
                Map.of("requestId", Long.toString(id), "minutes", Integer.toString(step.minutes()))));
        return store.find(id).orElseThrow();
    }

    public ServiceRequestDetails confirm(Caller caller, long id) {
        ServiceRequestDetails r = lockVisible(caller, id);
        ServiceRequest.Step step = step(r.lifecycle().confirm(parties(caller, r), holdTimedOut(r)));
        return close(caller, r, step, null);
    }

    public ServiceRequestDetails dispute(Caller caller, long id, String reason) {
        ServiceRequestDetails r = lockVisible(caller, id);
        step(r.lifecycle().dispute(parties(caller, r), reason, holdTimedOut(r)));
        store.markDisputed(id, caller.subject(), reason.strip());
        Metrics.count("timebank.service-requests.disputed", 1);
        return store.find(id).orElseThrow();
    }

    public ServiceRequestDetails resolve(Caller caller, long id, ResolutionDecision decision, Integer minutes,
                                         String reason) {
        ServiceRequestDetails r = lockVisible(caller, id);
        ServiceRequest.Step step = step(r.lifecycle().resolve(parties(caller, r), decision, minutes, reason,
                holdTimedOut(r)));
        return close(caller, r, step, reason);
    }

    /** Carries out a final step: the hold posted (and under BANK the provider's earnings) or released. */
    private ServiceRequestDetails close(Caller caller, ServiceRequestDetails r, ServiceRequest.Step step,
                                        String reason) {
        String actor = caller.subject();
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        Integer posted = null;
        Long transactionId = null;
        Long claimId = null;
        switch (step.action()) {
            case RELEASE -> ledger.voidHold(r.holdId(), actor, memo(r.settlement(), r));
            case POST -> {
                posted = step.minutes();
                transactionId = ledger.postHold(r.holdId(), posted, actor, memo(r.settlement(), r)).id();
                if (r.settlement() == Settlement.BANK) {
                    Instant endsAt = r.reportedAt() != null ? r.reportedAt().toInstant() : Instant.now();
                    ServedHours earned = hours.approveServed(actor, r.providerId(), r.communityId(), r.category(),
                            endsAt.minus(Duration.ofMinutes(posted)), endsAt, "service request " + r.id());
                    claimId = earned.claimId();
                }
            }
            case NONE -> { }
            case HOLD -> throw new IllegalStateException("a final step holds nothing");
        }
        store.markClosed(r.id(), step.status(), actor, why, step.noShow(), posted, transactionId, claimId);
        Metrics.count("timebank.service-requests.closed", 1, "status", step.status().name());
        return store.find(r.id()).orElseThrow();
    }

    // ---- the jobs ----

    /**
     * Marks held requests whose window ended more than escalate-after before {@code now} as
     * escalated, for staff to follow up; posts and releases nothing. Returns how many.
     */
    public int escalateDue(Instant now, int limit) {
        List<Long> ids = store.lockDueForEscalation(now.minus(config.escalateAfter()), limit);
        for (long id : ids) {
            if (store.find(id).orElseThrow().lifecycle().escalatable()) {
                store.markEscalated(id);
            }
        }
        Metrics.count("timebank.service-requests.escalated", ids.size());
        return ids.size();
    }

    /** Ends held requests whose hold the ledger expired as EXPIRED; returns how many. */
    public int sweepExpired(int limit) {
        List<Long> ids = store.lockExpiredHeld(limit);
        for (long id : ids) {
            ServiceRequest.Outcome outcome = store.find(id).orElseThrow().lifecycle().expire();
            if (outcome instanceof ServiceRequest.Refused refused) {
                throw new IllegalStateException("service request " + id + " was locked as held: " + refused.code());
            }
            store.markExpired(id);
        }
        Metrics.count("timebank.service-requests.closed", ids.size(), "status", RequestStatus.EXPIRED.name());
        return ids.size();
    }

    // ---- helpers ----

    private long payerAccount(ServiceRequestDetails r) {
        return r.payerType() == PayerType.COMMUNITY_POOL
                ? accounts.communityAccount(r.communityId(), Asset.HOURS, AccountPurpose.COMMUNITY_POOL)
                : accounts.wallet(r.payerVolunteerId(), Asset.HOURS);
    }

    /** What the journal says of a request's hold and its resolution: the rule that applied and who paid. */
    private static String memo(Settlement settlement, ServiceRequestDetails r) {
        String where = settlement == Settlement.BANK ? "hours consumed into the community's withdrawn-hours account"
                : "hours move to the provider";
        return "service request " + r.id() + ": " + settlement.name() + " (" + where + "), paid by "
                + r.payerType().name() + (r.payerVolunteerId() == null ? "" : " " + r.payerVolunteerId());
    }

    private Set<Party> parties(Caller caller, ServiceRequestDetails r) {
        Set<Party> parties = EnumSet.noneOf(Party.class);
        if (caller.isVolunteer(r.requesterId())) {
            parties.add(Party.REQUESTER);
        }
        if (r.payerVolunteerId() != null && r.payerVolunteerId() != r.requesterId()
                && caller.isVolunteer(r.payerVolunteerId())) {
            parties.add(Party.PAYER);
        }
        if (r.providerId() != null && caller.isVolunteer(r.providerId())) {
            parties.add(Party.PROVIDER);
        }
        if ((caller.is(Roles.STAFF) || caller.isAdmin()) && caller.covers(regions.require(r.communityId()).pathIds())) {
            parties.add(Party.STAFF);
        }
        return parties;
    }

    /** The request locked, if the caller may see it (see {@link #visible}). */
    private ServiceRequestDetails lockVisible(Caller caller, long id) {
        ServiceRequestDetails r = store.lock(id).orElseThrow(() -> notFound(id));
        if (parties(caller, r).isEmpty() && !(r.status() == RequestStatus.OPEN && caller.volunteerId() != null)) {
            throw notFound(id);
        }
        return r;
    }

    /** Only a held request's hold can be live; the ledger says whether its time is up. */
    private boolean holdTimedOut(ServiceRequestDetails r) {
        return r.status().holds() && ledger.holdTimedOut(r.holdId());
    }

    private RegionRef community(long id) {
        RegionRef region = regions.find(id).orElseThrow(() -> ApiException.unprocessable("REGION_NOT_FOUND", id));
        if (region.level() != RegionLevel.COMMUNITY) {
            throw ApiException.unprocessable("NOT_A_COMMUNITY", id);
        }
        return region;
    }

    private static ServiceRequest.Step step(ServiceRequest.Outcome outcome) {
        if (outcome instanceof ServiceRequest.Refused refused) {
            Object[] args = refused.args().toArray();
            throw switch (refused.reason()) {
                case FORBIDDEN -> ApiException.forbidden(refused.code(), args);
                case STATE -> ApiException.conflict(refused.code(), args);
                case REQUEST -> ApiException.unprocessable(refused.code(), args);
            };
        }
        return (ServiceRequest.Step) outcome;
    }

    private static ApiException notFound(long id) {
        return ApiException.notFound("SERVICE_REQUEST_NOT_FOUND", id);
    }
}
