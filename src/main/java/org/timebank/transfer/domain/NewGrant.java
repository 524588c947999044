package org.timebank.transfer.domain;

import java.util.Objects;
import org.timebank.ledger.domain.Asset;

/** Points or minutes staff pay from a community's pool to a volunteer, with why. */
public record NewGrant(long volunteerId, Asset asset, long amount, String reason) {
    public NewGrant {
        Objects.requireNonNull(asset, "asset");
        if (amount <= 0) {
            throw new IllegalArgumentException("a grant pays at least one point or minute: " + amount);
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a grant needs a reason");
        }
        reason = reason.strip();
    }
}
