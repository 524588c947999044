package org.timebank.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.timebank.common.ApiException;
import org.timebank.common.Metrics;
import org.timebank.ledger.domain.Account;
import org.timebank.ledger.domain.AccountPurpose;
import org.timebank.ledger.domain.Asset;
import org.timebank.ledger.domain.Entry;
import org.timebank.ledger.domain.HistoryEntry;
import org.timebank.ledger.domain.Hold;
import org.timebank.ledger.domain.JournalTransaction;
import org.timebank.ledger.domain.Opening;
import org.timebank.ledger.domain.Party;
import org.timebank.ledger.domain.Prepared;
import org.timebank.ledger.domain.OwnerType;
import org.timebank.ledger.domain.PostedTransaction;
import org.timebank.ledger.domain.Reversal;
import org.timebank.ledger.domain.TransactionKind;
import org.timebank.ledger.persistence.HoldStore;
import org.timebank.ledger.persistence.ImportStore;
import org.timebank.ledger.persistence.JournalStore;

/**
 * The one way money-like state changes: every feature posts, holds and reverses through here, and
 * reads the journal through here; {@link LedgerAccounts} names the accounts. Methods run inside the
 * caller's transaction (see {@link org.timebank.common.Tx}) so that a business record and its
 * postings commit together.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LedgerService {
    @Inject
    JournalStore journal;
    @Inject
    HoldStore holds;
    @Inject
    ImportStore imports;
    @Inject
    LedgerAccounts accounts;

    public PostedTransaction post(Entry entry) {
        PostedTransaction posted = journal.post(entry);
        Metrics.posted(entry.kind().name(), entry.postings().size());
        return posted;
    }

    /**
     * Makes a posting ready in one round trip: finds (or opens) the parties' accounts, locks the
     * ones whose balance a decision needs (in id order, the order every posting takes) and reserves the
     * posting's transaction id. Follow it with {@link #postPrepared}.
     */
    public Prepared prepare(List<Party> parties) {
        long transactionId = journal.reserveTransactionId();
        return new Prepared(transactionId, accounts.lockParties(parties));
    }

    /**
     * Posts the entry under the prepared transaction id. It goes out with the transaction's next round
     * trip (the records that point at it with it) or at its end; a refusal (an overdraft the balances
     * read did not foresee) surfaces there and rolls everything back.
     */
    public long postPrepared(Prepared prepared, Entry entry) {
        return postReserved(prepared.transactionId(), entry);
    }

    /**
     * Posts the entry under a transaction id its caller reserved in its own read (the SQL function
     * ledger_reserve_transaction_id), with the transaction's next round trip, as {@link #postPrepared}.
     */
    public long postReserved(long transactionId, Entry entry) {
        journal.postLater(transactionId, entry);
        Metrics.posted(entry.kind().name(), entry.postings().size());
        return transactionId;
    }

    /** {@link #hold}, under a reserved transaction id and with the transaction's next round trip, as {@link #postReserved}. */
    public long holdReserved(long transactionId, String sourceType, String sourceId, String actor, String memo,
                             long debitAccountId, long creditAccountId, long amount, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a hold needs a positive timeout");
        }
        postReserved(transactionId, new Entry(TransactionKind.HOLD, sourceType, sourceId, actor, memo, null, null, null,
                Hold.reserve(debitAccountId, creditAccountId, amount)));
        holds.openHoldLater(transactionId, debitAccountId, creditAccountId, amount, timeout);
        return transactionId;
    }

    /** The transaction with its postings and chain link. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<JournalTransaction> transaction(long id) {
        return journal.transaction(id);
    }

    /** Transactions touching any of these accounts, newest first, ids below {@code before} (if given). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HistoryEntry> history(List<Long> accountIds, Long before, int limit) {
        return journal.history(accountIds, before, limit);
    }

    /** A manual, reasoned credit or debit of one account against the system adjustment account. */
    public PostedTransaction adjust(long accountId, boolean credit, long amount, String reason, String actor) {
        Account account = accounts.account(accountId)
                .orElseThrow(() -> ApiException.unprocessable("ACCOUNT_NOT_FOUND", accountId));
        if (account.ownerType() == OwnerType.SYSTEM) {
            throw ApiException.unprocessable("ADJUSTMENT_ACCOUNT_INVALID", accountId);
        }
        long counter = accounts.systemAccount(account.asset(), AccountPurpose.ADJUSTMENT);
        long from = credit ? counter : accountId;
        long to = credit ? accountId : counter;
        return post(Entry.transfer(TransactionKind.ADJUSTMENT, "ACCOUNT", Long.toString(accountId), actor, reason,
                from, to, amount));
    }

    /** Undoes a posted transaction with its mirror image, at most once (a unique constraint). */
    public PostedTransaction reverse(long transactionId, String reason, String actor) {
        // reversals of one transaction queue here, so the second sees the first and answers
        // ALREADY_REVERSED rather than tripping over the balance the first one moved
        if (!journal.lockTransaction(transactionId)) {
            throw ApiException.notFound("TRANSACTION_NOT_FOUND", transactionId);
        }
        JournalTransaction original = journal.transaction(transactionId)
                .orElseThrow(() -> ApiException.notFound("TRANSACTION_NOT_FOUND", transactionId));
        if (original.reversedById() != null) {
            throw ApiException.conflict("ALREADY_REVERSED", transactionId);
        }
        Reversal.Outcome outcome = Reversal.of(transactionId, original.kind(), original.entryPostings(), actor, reason);
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
        holds.insertHold(pending.id(), debitAccountId, creditAccountId, amount,
                pending.createdAt().toInstant().plus(timeout));
        return pending;
    }

    /** Posts {@code amount} (at most the held amount) of a pending hold; the rest is released. */
    public PostedTransaction postHold(long holdId, long amount, String actor) {
        return postHold(holdId, amount, actor, null);
    }

    /** {@link #postHold(long, long, String)}, the journal saying why in {@code memo}. */
    public PostedTransaction postHold(long holdId, long amount, String actor, String memo) {
        Hold hold = pendingHold(holdId);
        if (amount <= 0 || amount > hold.amount()) {
            throw ApiException.unprocessable("HOLD_AMOUNT_INVALID", amount, hold.amount());
        }
        return resolve(hold, TransactionKind.HOLD_POST, Hold.Status.POSTED, amount, actor, memo);
    }

    public PostedTransaction voidHold(long holdId, String actor) {
        return voidHold(holdId, actor, null);
    }

    /** {@link #voidHold(long, String)}, the journal saying why in {@code memo}. */
    public PostedTransaction voidHold(long holdId, String actor, String memo) {
        return resolve(pendingHold(holdId), TransactionKind.HOLD_VOID, Hold.Status.VOIDED, 0, actor, memo);
    }

    /** Expires pending holds past their time, oldest first; returns how many. */
    public int expireDueHolds(int limit) {
        List<Long> due = holds.expiredHolds(limit);
        for (long id : due) {
            Hold hold = holds.lockHold(id).orElseThrow();
            resolve(hold, TransactionKind.HOLD_EXPIRY, Hold.Status.EXPIRED, 0, "system:hold-expiry", null);
        }
        return due.size();
    }

    /** Whether the hold has timed out (see {@link Hold#hasTimedOut}); false for an id that is no hold. */
    public boolean holdTimedOut(long holdId) {
        return holds.lockHold(holdId).map(h -> h.hasTimedOut(Instant.now())).orElse(false);
    }

    /** The hold, locked, if it may still be posted or voided: HOLD_EXPIRED past its time, swept or not. */
    private Hold pendingHold(long holdId) {
        Hold hold = holds.lockHold(holdId).orElseThrow(() -> ApiException.notFound("HOLD_NOT_FOUND", holdId));
        if (hold.hasTimedOut(Instant.now())) {
            throw ApiException.conflict("HOLD_EXPIRED", holdId);
        }
        if (hold.status() != Hold.Status.PENDING) {
            throw ApiException.conflict("HOLD_ALREADY_RESOLVED", holdId);
        }
        return hold;
    }

    private PostedTransaction resolve(Hold hold, TransactionKind kind, Hold.Status status, long postedAmount,
                                      String actor, String memo) {
        PostedTransaction resolution = post(new Entry(kind, "HOLD", Long.toString(hold.id()), actor, memo, null, null,
                hold.id(), hold.resolve(postedAmount)));
        holds.markHold(hold.id(), status, status == Hold.Status.POSTED ? postedAmount : null);
        return resolution;
    }

    // ---- opening balances ----

    /** Posts opening balances, one transaction per line, all in the caller's transaction. */
    public long importOpeningBalances(List<Opening> lines, String actor) {
        long importId = imports.insertImport(actor, lines.size());
        Map<Asset, Long> counters = new HashMap<>();
        Arrays.stream(Asset.values())
                .forEach(a -> counters.put(a, accounts.systemAccount(a, AccountPurpose.OPENING_BALANCE)));
        // in account order, like every other lock taker, so two imports cannot deadlock each other
        List<Opening> ordered = lines.stream().sorted(Comparator.comparingLong(Opening::accountId)).toList();
        for (Opening o : ordered) {
            PostedTransaction t = post(Entry.transfer(TransactionKind.OPENING_BALANCE, "IMPORT",
                    importId + ":" + o.line(), actor, o.reference(), counters.get(o.asset()), o.accountId(), o.amount()));
            imports.recordOpeningBalance(o.accountId(), t.id(), importId);
        }
        return importId;
    }
}
