package org.timebank.ledger.domain;

/** What an account is for, and so who holds it; one account per (owner, asset, purpose). */
public enum AccountPurpose {
    /** A volunteer's hours account or points wallet; may not be overdrawn. */
    VOLUNTEER_WALLET(OwnerType.VOLUNTEER, AccountFlags.NO_OVERDRAFT),
    /**
     * What a volunteer owes after a reversal took back more than the wallet held; future earnings
     * repay it first. Its debits are the debt; it can never be repaid beyond it.
     */
    VOLUNTEER_DEBT(OwnerType.VOLUNTEER, new AccountFlags(false, true)),
    /** A community's issuance account: the source of the hours and points it confirms; runs negative. */
    COMMUNITY_ISSUANCE(OwnerType.REGION, AccountFlags.NONE),
    /** A community's points budget, funded by its community fund; approvals cannot overdraw it. */
    COMMUNITY_BUDGET(OwnerType.REGION, AccountFlags.NO_OVERDRAFT),
    /** A community fund, the counterparty of budget fundings; runs negative by what it has paid in. */
    COMMUNITY_FUND(OwnerType.REGION, AccountFlags.NONE),
    /**
     * A community's pool: hours over a volunteer's cap and volunteers' donations go to it, and staff
     * grant from it, so it may not be overdrawn.
     */
    COMMUNITY_POOL(OwnerType.REGION, AccountFlags.NO_OVERDRAFT),
    /**
     * A shop's points settlement account: credited by redemptions, debited by refunds, settled per
     * period by the community fund. No balance flag, so a busy shop takes deltas and never serializes.
     */
    SHOP_SETTLEMENT(OwnerType.SHOP, AccountFlags.NONE),
    /** The counterparty of balances migrated from an earlier system. */
    OPENING_BALANCE(OwnerType.SYSTEM, AccountFlags.NONE),
    /** The counterparty of manual adjustments. */
    ADJUSTMENT(OwnerType.SYSTEM, AccountFlags.NONE),
    /** The counterparty of points expiries: what expired unspent (one system account, POINTS). */
    BREAKAGE(OwnerType.SYSTEM, AccountFlags.NONE),
    /**
     * Where a community's withdrawals of stored hours go under the BANK rule: the hours a payer spends
     * on a service are consumed here (HOURS only). Only credited, so no flag: it is never locked.
     */
    COMMUNITY_WITHDRAWN(OwnerType.REGION, AccountFlags.NONE);


    private final OwnerType owner;
    private final AccountFlags flags;

    AccountPurpose(OwnerType owner, AccountFlags flags) {
        this.owner = owner;
        this.flags = flags;
    }

    /** The one kind of owner that holds accounts of this purpose. */
    public OwnerType owner() {
        return owner;
    }

    public AccountFlags flags() {
        return flags;
    }
}
