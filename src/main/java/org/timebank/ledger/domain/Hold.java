package org.timebank.ledger.domain;

import java.time.Instant;
import java.util.List;

/**
 * A two-phase transfer: {@code amount} reserved from the debit account for the credit account
 * until it is posted (wholly or in part, the rest released), voided, or expires.
 */
public record Hold(long id, long debitAccountId, long creditAccountId, long amount, Instant expiresAt, Status status) {

    public enum Status { PENDING, POSTED, VOIDED, EXPIRED }

    /** The postings that open a hold. */
    public static List<Posting> reserve(long debitAccountId, long creditAccountId, long amount) {
        Posting.positive(amount);
        return List.of(new Posting(debitAccountId, Phase.PENDING, -amount),
                new Posting(creditAccountId, Phase.PENDING, amount));
    }

    /** The postings that resolve this hold, posting {@code postedAmount} (0 for a void or an expiry). */
    public List<Posting> resolve(long postedAmount) {
        if (postedAmount < 0 || postedAmount > amount) {
            throw new IllegalArgumentException("posted amount must be within 0.." + amount);
        }
        List<Posting> release = List.of(new Posting(debitAccountId, Phase.RELEASED, -amount),
                new Posting(creditAccountId, Phase.RELEASED, amount));
        if (postedAmount == 0) {
            return release;
        }
        return List.of(release.get(0), release.get(1), Posting.debit(debitAccountId, postedAmount),
                Posting.credit(creditAccountId, postedAmount));
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /**
     * Whether the hold has timed out by {@code now}: released by the expiry job already, or still
     * pending past its time because the job has not come round yet. Either way it can no longer be
     * posted or voided, and the answer must not depend on when the job ran.
     */
    public boolean hasTimedOut(Instant now) {
        return status == Status.EXPIRED || status == Status.PENDING && isExpiredAt(now);
    }
}
