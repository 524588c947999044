package org.timebank.ledger.domain;

/**
 * One account a posting will touch, named by its holder: the owner (of the type its purpose says),
 * the asset and the purpose. {@code open}: open it if it is missing (else it may be absent);
 * {@code lock}: lock it and read its balance, for a decision that depends on it (a hot account that
 * only receives is named, not locked).
 */
public record Party(long ownerId, Asset asset, AccountPurpose purpose, boolean open, boolean lock) {
    /** An account to lock and read, opened if missing. */
    public static Party locked(long ownerId, Asset asset, AccountPurpose purpose) {
        return new Party(ownerId, asset, purpose, true, true);
    }

    /** An account to name only, opened if missing. */
    public static Party named(long ownerId, Asset asset, AccountPurpose purpose) {
        return new Party(ownerId, asset, purpose, true, false);
    }

    /** An account to lock and read if it has been opened; opens nothing. */
    public static Party lockedIfOpen(long ownerId, Asset asset, AccountPurpose purpose) {
        return new Party(ownerId, asset, purpose, false, true);
    }
}
