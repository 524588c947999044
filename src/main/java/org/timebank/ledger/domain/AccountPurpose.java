package org.timebank.ledger.domain;

/** What an account is for; one account per (owner, asset, purpose). */
public enum AccountPurpose {
    /** A volunteer's hours account or points wallet; may not be overdrawn. */
    VOLUNTEER_WALLET(AccountFlags.NO_OVERDRAFT),
    /** A community's issuance account: the source of the hours and points it confirms; runs negative. */
    COMMUNITY_ISSUANCE(AccountFlags.NONE),
    /** The counterparty of balances migrated from an earlier system. */
    OPENING_BALANCE(AccountFlags.NONE),
    /** The counterparty of manual adjustments. */
    ADJUSTMENT(AccountFlags.NONE);

    private final AccountFlags flags;

    AccountPurpose(AccountFlags flags) {
        this.flags = flags;
    }

    public AccountFlags flags() {
        return flags;
    }
}
