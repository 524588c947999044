package org.timebank.volunteer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.timebank.common.ApiException;
import org.timebank.common.Page;
import org.timebank.common.Paging;
import org.timebank.expiry.PointsExpiryService;
import org.timebank.ledger.LedgerAccounts;
import org.timebank.ledger.LedgerService;
import org.timebank.ledger.OpeningBalanceImport;
import org.timebank.ledger.domain.Account;
import org.timebank.ledger.domain.AccountPurpose;
import org.timebank.ledger.domain.Asset;
import org.timebank.ledger.domain.Balance;
import org.timebank.ledger.domain.HistoryEntry;
import org.timebank.ledger.domain.Wallets;
import org.timebank.region.RegionService;
import org.timebank.region.domain.RegionLevel;
import org.timebank.region.domain.RegionRef;
import org.timebank.security.Caller;
import org.timebank.volunteer.domain.NewVolunteer;
import org.timebank.volunteer.domain.PersonalData;
import org.timebank.volunteer.domain.StarLevels;
import org.timebank.volunteer.domain.VolunteerBalance;
import org.timebank.volunteer.domain.VolunteerProfile;
import org.timebank.volunteer.domain.VolunteerRef;
import org.timebank.volunteer.domain.VolunteerSearch;
import org.timebank.volunteer.persistence.Volunteer;
import org.timebank.volunteer.persistence.VolunteerStore;

@ApplicationScoped
public class VolunteerService implements OpeningBalanceImport.Volunteers {
    static final String PHONE = "phone";
    static final String ID_NUMBER = "id-number";

    @Inject
    EntityManager em;
    @Inject
    RegionService regions;
    @Inject
    LedgerService ledger;
    @Inject
    LedgerAccounts accounts;
    @Inject
    PiiProtector pii;
    @Inject
    PointsExpiryService expiry;
    @Inject
    VolunteerStore volunteerStore;

    private final StarLevels stars;

    @Inject
    public VolunteerService(StarLevelConfig config) {
        this.stars = new StarLevels(config.thresholdsHours());
    }

    /** Registers a volunteer in a community the caller serves; the volunteer's wallets open with it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public VolunteerProfile create(Caller caller, NewVolunteer request) {
        return register(request, caller.subject(), home -> caller.covers(home.pathIds()));
    }

    /** Registers a volunteer on behalf of {@code actor}, who must serve the home community. */
    @Transactional(Transactional.TxType.MANDATORY)
    public VolunteerProfile register(NewVolunteer request, String actor, Predicate<RegionRef> actorServes) {
        String phone = PersonalData.normalizePhone(request.phone());
        String idNumber = request.idNumber() == null ? null : PersonalData.normalizeIdNumber(request.idNumber());
        if (phone == null) {
            throw new ApiException(400, "VALIDATION_FAILED",
                    List.of(new ApiException.Item("phone", null, "INVALID_PHONE", request.phone())), "phone");
        }
        if (request.idNumber() != null && idNumber == null) {
            throw new ApiException(400, "VALIDATION_FAILED",
                    List.of(new ApiException.Item("idNumber", null, "INVALID_ID_NUMBER", null)), "idNumber");
        }
        RegionRef home = regions.find(request.homeCommunityId()).orElse(null);
        if (home == null) {
            throw ApiException.unprocessable("REGION_NOT_FOUND", request.homeCommunityId());
        }
        if (!actorServes.test(home)) {
            throw ApiException.forbidden("NOT_IN_SCOPE", home.id());
        }
        if (home.level() != RegionLevel.COMMUNITY) {
            throw ApiException.unprocessable("NOT_A_COMMUNITY", home.id());
        }
        Volunteer v = new Volunteer();
        v.homeCommunityId = home.id();
        v.name = request.name();
        v.phoneCipher = pii.encrypt(phone);
        v.phoneHash = pii.hash(PHONE, phone);
        if (idNumber != null) {
            v.idNumberCipher = pii.encrypt(idNumber);
            v.idNumberHash = pii.hash(ID_NUMBER, idNumber);
        }
        v.createdBy = actor;
        v.persist();
        em.flush();
        em.refresh(v);
        return profile(v, phone, idNumber, accounts.openWallets(v.id));
    }

    /** The volunteer, if the caller may see it: themself, staff serving its home community, an admin. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public VolunteerRef visibleTo(Caller caller, long id) {
        return visible(caller, id).ref();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Volunteer visible(Caller caller, long id) {
        Volunteer v = Volunteer.findById(id);
        if (v == null || !mayRead(caller, v)) {
            // indistinguishable from absent: no caller learns who else is registered
            throw ApiException.notFound("VOLUNTEER_NOT_FOUND", id);
        }
        return v;
    }

    private boolean mayRead(Caller caller, Volunteer v) {
        if (v.id.equals(caller.volunteerId()) || caller.isAdmin()) {
            return true;
        }
        return caller.covers(regions.require(v.homeCommunityId).pathIds());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public VolunteerProfile read(Caller caller, long id) {
        Volunteer v = visible(caller, id);
        return profile(v, accounts.wallets(v.id));
    }

    /**
     * The volunteers the caller serves (staff: living under one of their regions; admin: all),
     * found by phone number (exactly, through its keyed hash: numbers are never decrypted to be
     * compared) or by the start of their name, in name order; paged. Shown as {@link #read} shows
     * them. A volunteer outside the caller's scope is absent, as one never registered.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<VolunteerProfile> search(Caller caller, VolunteerSearch request, Paging paging) {
        if ((request.phone() == null) == (request.namePrefix() == null)) {
            throw ApiException.badRequest("SEARCH_PHONE_OR_NAME_PREFIX");
        }
        List<Long> ids;
        if (request.phone() != null) {
            String phone = PersonalData.normalizePhone(request.phone());
            if (phone == null) {
                throw new ApiException(400, "VALIDATION_FAILED",
                        List.of(new ApiException.Item("phone", null, "INVALID_PHONE", request.phone())), "phone");
            }
            ids = Volunteer.<Volunteer>find("phoneHash", pii.hash(PHONE, phone)).firstResultOptional()
                    .filter(v -> mayRead(caller, v) && (paging.after() == null || v.id > paging.after()))
                    .map(v -> List.of(v.id))
                    .orElse(List.of());
        } else {
            String prefix = request.namePrefix().strip();
            if (prefix.isEmpty()) {
                throw new ApiException(400, "VALIDATION_FAILED",
                        List.of(new ApiException.Item("namePrefix", null, "NAME_PREFIX_BLANK", null)), "namePrefix");
            }
            ids = volunteerStore.idsByNamePrefix(prefix, caller.isAdmin() ? null : caller.regions(), paging.after(),
                    paging.limit() + 1);
        }
        return paging.page(profiles(ids), VolunteerProfile::id);
    }

    /** These volunteers, in this order, their wallets read in one round trip. */
    private List<VolunteerProfile> profiles(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Volunteer> byId = Volunteer.<Volunteer>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(v -> v.id, Function.identity()));
        Map<Long, Wallets> wallets = accounts.wallets(ids);
        return ids.stream().map(id -> profile(byId.get(id), wallets.get(id))).toList();
    }

    private VolunteerProfile profile(Volunteer v, Wallets wallets) {
        return profile(v, pii.decrypt(v.phoneCipher), v.idNumberCipher == null ? null : pii.decrypt(v.idNumberCipher),
                wallets);
    }

    private static VolunteerProfile profile(Volunteer v, String phone, String idNumber, Wallets wallets) {
        return new VolunteerProfile(v.id, v.name, PersonalData.maskPhone(phone),
                idNumber == null ? null : PersonalData.maskIdNumber(idNumber), v.homeCommunityId, wallets,
                !v.leaderboardHidden, v.createdAt);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public VolunteerBalance balance(Caller caller, long id) {
        Volunteer v = visible(caller, id);
        // the wallets and (once opened) the debt accounts, in one round trip
        Map<String, Account> byKind = accounts.ofVolunteer(v.id).stream()
                .collect(Collectors.toMap(a -> a.purpose() + "/" + a.asset(), a -> a));
        Account pointsWallet = byKind.get(AccountPurpose.VOLUNTEER_WALLET + "/" + Asset.POINTS);
        Balance hours = byKind.get(AccountPurpose.VOLUNTEER_WALLET + "/" + Asset.HOURS).balance();
        Balance points = pointsWallet.balance();
        return new VolunteerBalance(v.id, hours, owed(byKind, Asset.HOURS), points, owed(byKind, Asset.POINTS),
                expiry.next(regions.require(v.homeCommunityId).pathIds(), pointsWallet.id(), points.debitsPosted())
                        .orElse(null),
                stars.of(hours.posted()));
    }

    /** What the volunteer owes in this asset (the debits of the debt account not yet repaid). */
    private static long owed(Map<String, Account> byKind, Asset asset) {
        Account debt = byKind.get(AccountPurpose.VOLUNTEER_DEBT + "/" + asset);
        return debt == null ? 0 : debt.balance().debitsPosted() - debt.balance().creditsPosted();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<HistoryEntry> history(Caller caller, long id, Paging paging) {
        Volunteer v = visible(caller, id);
        return paging.page(ledger.history(accounts.wallets(v.id).ids(), paging.after(), paging.limit() + 1),
                HistoryEntry::id);
    }

    /** Volunteer ids found by phone number (keyed hash); numbers not registered are absent from the map. */
    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Long> idsByPhone(List<String> phones) {
        Map<String, String> byHash = phones.stream().distinct()
                .collect(Collectors.toMap(p -> HexFormat.of().formatHex(pii.hash(PHONE, p)), Function.identity()));
        byte[][] hashes = byHash.keySet().stream().map(h -> HexFormat.of().parseHex(h)).toArray(byte[][]::new);
        Map<String, Long> ids = new HashMap<>();
        volunteerStore.idsByPhoneHash(hashes).forEach((hash, id) -> ids.put(byHash.get(hash), id));
        return ids;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> existing(List<Long> ids) {
        return em.createQuery("select v.id from Volunteer v where v.id in ?1", Long.class).setParameter(1, ids)
                .getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<VolunteerRef> find(long id) {
        return Volunteer.<Volunteer>findByIdOptional(id).map(Volunteer::ref);
    }

    /**
     * Shows the volunteer on public boards or keeps them off (self, staff in scope, admin); whether
     * that changed anything.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean showOnLeaderboards(Caller caller, long id, boolean shown) {
        Volunteer v = visible(caller, id);
        if (v.leaderboardHidden != shown) {
            return false;
        }
        v.leaderboardHidden = !shown;
        em.flush();
        return true;
    }
}
