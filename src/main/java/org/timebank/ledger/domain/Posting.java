package org.timebank.ledger.domain;

/**
 * One line of a journal transaction. {@code amount} is signed: a credit is positive, a debit
 * negative, in the account's asset unit (minutes or points).
 */
public record Posting(long accountId, Phase phase, long amount) {
    public Posting {
        if (amount == 0) {
            throw new IllegalArgumentException("a posting moves a non-zero amount");
        }
        if (phase == null) {
            throw new IllegalArgumentException("a posting has a phase");
        }
    }

    public static Posting debit(long accountId, long amount) {
        return new Posting(accountId, Phase.POSTED, -positive(amount));
    }

    public static Posting credit(long accountId, long amount) {
        return new Posting(accountId, Phase.POSTED, positive(amount));
    }

    public boolean isDebit() {
        return amount < 0;
    }

    static long positive(long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive, was " + amount);
        }
        return amount;
    }
}
