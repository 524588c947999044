package org.timebank.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.timebank.common.ApiException;
import org.timebank.common.Metrics;
import org.timebank.ledger.domain.AccountPurpose;
import org.timebank.ledger.domain.Asset;
import org.timebank.ledger.domain.Entry;
import org.timebank.ledger.domain.Hold;
import org.timebank.ledger.domain.Posting;
import org.timebank.ledger.domain.Reversal;
import org.timebank.ledger.domain.TransactionKind;
import org.timebank.ledger.persistence.LedgerStore;
import org.timebank.ledger.persistence.LedgerStore.AccountRow;
import org.timebank.ledger.persistence.LedgerStore.PostedTransaction;
import org.timebank.ledger.persistence.LedgerStore.TransactionRow;

/**
 * The one way money-like state changes: every feature posts through here. Methods run inside the
 * caller's transaction (see {@link org.timebank.common.Tx}) so that a business record and its
 * postings commit together.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LedgerService {
    public static final String VOLUNTEER = "VOLUNTEER";
    public static final String REGION = "REGION";
    public static final String SYSTEM = "SYSTEM";
    public static final String SHOP = "SHOP";

    @Inject
    LedgerStore store;

    /** A volunteer's two wallets, opened with the volunteer. */
    public record VolunteerAccounts(long hoursAccountId, long pointsAccountId) {
        public List<Long> ids() {
            return List.of(hoursAccountId, pointsAccountId);
        }
    }

    public PostedTransaction post(Entry entry) {
        PostedTransaction posted = store.post(entry);
        Metrics.posted(entry.kind().name(), entry.postings().size());
        return posted;
    }

    public VolunteerAccounts openVolunteerAccounts(long volunteerId) {
        return new VolunteerAccounts(
                store.openAccount(Asset.HOURS, AccountPurpose.VOLUNTEER_WALLET, VOLUNTEER, volunteerId),
                store.openAccount(Asset.POINTS, AccountPurpose.VOLUNTEER_WALLET, VOLUNTEER, volunteerId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public VolunteerAccounts volunteerAccounts(long volunteerId) {
        return wallets(volunteerId, store.accountIdsOf(VOLUNTEER, volunteerId));
    }

    /** The wallets of many volunteers in one round trip, by volunteer id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, VolunteerAccounts> volunteerAccounts(List<Long> volunteerIds) {
        Map<Long, Map<String, Long>> own = store.accountIdsOf(VOLUNTEER, volunteerIds);
        Map<Long, VolunteerAccounts> wallets = new HashMap<>();
        for (long id : volunteerIds) {
            wallets.put(id, wallets(id, own.getOrDefault(id, Map.of())));
        }
        return wallets;
    }

    /** The wallets among a volunteer's account ids ({@link LedgerStore#accountIdsOf}). */
    public static VolunteerAccounts wallets(long volunteerId, Map<String, Long> own) {
        Long hours = own.get(LedgerStore.key(Asset.HOURS, AccountPurpose.VOLUNTEER_WALLET));
        Long points = own.get(LedgerStore.key(Asset.POINTS, AccountPurpose.VOLUNTEER_WALLET));
        if (hours == null || points == null) {
            throw new NoSuchElementException("no wallets for volunteer " + volunteerId);
        }
        return new VolunteerAccounts(hours, points);
    }

    /** The account for (owner, asset, purpose), opened now if it was not yet. */
    public long account(Asset asset, AccountPurpose purpose, String ownerType, long ownerId) {
        return store.openAccount(asset, purpose, ownerType, ownerId);
    }

    public void openCommunityAccounts(long communityId) {
        for (Asset asset : Asset.values()) {
            store.openAccount(asset, AccountPurpose.COMMUNITY_ISSUANCE, REGION, communityId);
        }
    }

    public long systemAccount(Asset asset, AccountPurpose purpose) {
        return store.accountId(asset, purpose, SYSTEM, 0).orElseThrow();
    }

    /** A manual, reasoned credit or debit of one account against the system adjustment account. */
    public PostedTransaction adjust(long accountId, boolean credit, long amount, String reason, String actor) {
        AccountRow account = store.account(accountId)
                .orElseThrow(() -> ApiException.unprocessable("ACCOUNT_NOT_FOUND", accountId));
        if (SYSTEM.equals(account.ownerType())) {
            throw ApiException.unprocessable("ADJUSTMENT_ACCOUNT_INVALID", accountId);
        }
        long counter = systemAccount(account.asset(), AccountPurpose.ADJUSTMENT);
        long from = credit ? counter : accountId;
        long to = credit ? accountId : counter;
        return post(Entry.transfer(TransactionKind.ADJUSTMENT, "ACCOUNT", Long.toString(accountId), actor, reason,
                from, to, amount));
    }

    /** Undoes a posted transaction with its mirror image, at most once (a unique constraint). */
    public PostedTransaction reverse(long transactionId, String reason, String actor) {
        // reversals of one transaction queue here, so the second sees the first and answers
        // ALREADY_REVERSED rather than tripping over the balance the first one moved
        if (!store.lockTransaction(transactionId)) {
            throw ApiException.notFound("TRANSACTION_NOT_FOUND", transactionId);
        }
        TransactionRow original = store.transaction(transactionId)
                .orElseThrow(() -> ApiException.notFound("TRANSACTION_NOT_FOUND", transactionId));
        if (original.reversedById() != null) {
            throw ApiException.conflict("ALREADY_REVERSED", transactionId);
        }
        List<Posting> postings = original.postings().stream()
                .map(p -> new Posting(p.accountId(), p.phase(), p.amount())).toList();
        Reversal.Outcome outcome = Reversal.of(transactionId, TransactionKind.valueOf(original.kind()), postings,
                actor, reason);
        if (outcome instanceof Reversal.Refused refused) {
            throw ApiException.unprocessable(refused.code(), transactionId);
        }
        return post(((Reversal.Allowed) outcome).entry());
    }

    // ---- holds (two-phase transfers) ----

    /** Reserves {@code amount} from {@code debitAccountId} for {@code creditAccountId} until posted, voided or expired. */
    public PostedTransaction hold(String sourceType, String sourceId, String actor, String memo, long debitAccountId,
                                  long creditAccountId, long amount, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a hold needs a positive timeout");
        }
        PostedTransaction pending = post(new Entry(TransactionKind.HOLD, sourceType, sourceId, actor, memo, null,
                null, null, Hold.reserve(debitAccountId, creditAccountId, amount)));
        store.insertHold(pending.id(), debitAccountId, creditAccountId, amount,
                pending.createdAt().toInstant().plus(timeout));
        return pending;
    }

    /** Posts {@code amount} (at most the held amount) of a pending hold; the rest is released. */
    public PostedTransaction postHold(long holdId, long amount, String actor) {
        Hold hold = pendingHold(holdId);
        if (amount <= 0 || amount > hold.amount()) {
            throw ApiException.unprocessable("HOLD_AMOUNT_INVALID", amount, hold.amount());
        }
        return resolve(hold, TransactionKind.HOLD_POST, Hold.Status.POSTED, amount, actor);
    }

    public PostedTransaction voidHold(long holdId, String actor) {
        return resolve(pendingHold(holdId), TransactionKind.HOLD_VOID, Hold.Status.VOIDED, 0, actor);
    }

    /** Expires pending holds past their time, oldest first; returns how many. */
    public int expireDueHolds(int limit) {
        List<Long> due = store.expiredHolds(limit);
        for (long id : due) {
            Hold hold = store.lockHold(id).orElseThrow();
            resolve(hold, TransactionKind.HOLD_EXPIRY, Hold.Status.EXPIRED, 0, "system:hold-expiry");
        }
        return due.size();
    }

    /** Whether the hold has timed out (see {@link Hold#hasTimedOut}); false for an id that is no hold. */
    public boolean holdTimedOut(long holdId) {
        return store.lockHold(holdId).map(h -> h.hasTimedOut(Instant.now())).orElse(false);
    }

    /** The hold, locked, if it may still be posted or voided: HOLD_EXPIRED past its time, swept or not. */
    private Hold pendingHold(long holdId) {
        Hold hold = store.lockHold(holdId).orElseThrow(() -> ApiException.notFound("HOLD_NOT_FOUND", holdId));
        if (hold.hasTimedOut(Instant.now())) {
            throw ApiException.conflict("HOLD_EXPIRED", holdId);
        }
        if (hold.status() != Hold.Status.PENDING) {
            throw ApiException.conflict("HOLD_ALREADY_RESOLVED", holdId);
        }
        return hold;
    }

    private PostedTransaction resolve(Hold hold, TransactionKind kind, Hold.Status status, long postedAmount,
                                      String actor) {
        PostedTransaction resolution = post(new Entry(kind, "HOLD", Long.toString(hold.id()), actor, null, null, null,
                hold.id(), hold.resolve(postedAmount)));
        store.markHold(hold.id(), status, status == Hold.Status.POSTED ? postedAmount : null);
        return resolution;
    }

    // ---- opening balances ----

    /** One good line of an import, resolved to its account. */
    public record Opening(int line, long accountId, Asset asset, long amount, String reference) {}

    /** Posts opening balances, one transaction per line, all in the caller's transaction. */
    public long importOpeningBalances(List<Opening> lines, String actor) {
        long importId = store.insertImport(actor, lines.size());
        Map<Asset, Long> counters = new HashMap<>();
        Arrays.stream(Asset.values()).forEach(a -> counters.put(a, systemAccount(a, AccountPurpose.OPENING_BALANCE)));
        // in account order, like every other lock taker, so two imports cannot deadlock each other
        List<Opening> ordered = lines.stream().sorted(java.util.Comparator.comparingLong(Opening::accountId)).toList();
        for (Opening o : ordered) {
            PostedTransaction t = post(Entry.transfer(TransactionKind.OPENING_BALANCE, "IMPORT",
                    importId + ":" + o.line(), actor, o.reference(), counters.get(o.asset()), o.accountId(), o.amount()));
            store.recordOpeningBalance(o.accountId(), t.id(), importId);
        }
        return importId;
    }
}
