package org.timebank.ledger.domain;

import java.util.List;

/** A volunteer's two wallets, opened with the volunteer: minutes served and points to spend. */
public record Wallets(long hoursAccountId, long pointsAccountId) {
    public long of(Asset asset) {
        return asset == Asset.HOURS ? hoursAccountId : pointsAccountId;
    }

    public List<Long> ids() {
        return List.of(hoursAccountId, pointsAccountId);
    }
}
