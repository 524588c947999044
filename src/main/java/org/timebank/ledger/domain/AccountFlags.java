package org.timebank.ledger.domain;

/** Which direction of an account may not run negative. An account with a flag is locked and checked on every posting. */
public record AccountFlags(boolean debitsMustNotExceedCredits, boolean creditsMustNotExceedDebits) {
    public static final AccountFlags NONE = new AccountFlags(false, false);
    /** A wallet: nothing leaves it that it does not hold. */
    public static final AccountFlags NO_OVERDRAFT = new AccountFlags(true, false);

    public AccountFlags {
        if (debitsMustNotExceedCredits && creditsMustNotExceedDebits) {
            throw new IllegalArgumentException("an account is limited in one direction at most");
        }
    }

    public boolean checked() {
        return debitsMustNotExceedCredits || creditsMustNotExceedDebits;
    }
}
