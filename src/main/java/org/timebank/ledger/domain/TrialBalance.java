package org.timebank.ledger.domain;

import java.util.List;

/**
 * The sums that must be zero: per asset, credits equal debits over all accounts, posted and
 * pending, and the accounts agree with the journal; and no account's stored balance differs from
 * the sum of its postings.
 */
public record TrialBalance(List<OfAsset> assets, List<Long> accountsOutOfBalance, boolean balanced) {

    /** One asset's sums over every account and over the journal's postings. */
    public record OfAsset(Asset asset, Balance accounts, Balance journal, long postedNet, long pendingNet,
                          boolean balanced) {}
}
