package org.timebank.transfer.domain;

import java.util.Objects;
import org.timebank.ledger.domain.Asset;

/**
 * A gift to the volunteer {@code toVolunteerId} or a donation to the pool of {@code communityId}
 * (the donor's home community when null), from the sender's own wallet; in POINTS unless said. Which
 * of the two ids the type calls for is the service's to answer (with the field named). A blank memo
 * is none.
 */
public record NewTransfer(TransferType type, Long toVolunteerId, Long communityId, Asset asset, long amount,
                          String memo) {
    public NewTransfer {
        Objects.requireNonNull(type, "type");
        if (amount <= 0) {
            throw new IllegalArgumentException("a transfer moves at least one point or minute: " + amount);
        }
        asset = asset == null ? Asset.POINTS : asset;
        memo = memo == null || memo.isBlank() ? null : memo.strip();
    }
}
