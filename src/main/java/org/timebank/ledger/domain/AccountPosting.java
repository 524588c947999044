package org.timebank.ledger.domain;

/** A posting read back from the journal, with the asset of its account. */
public record AccountPosting(long accountId, Asset asset, Phase phase, long amount) {
    public Posting posting() {
        return new Posting(accountId, phase, amount);
    }
}
