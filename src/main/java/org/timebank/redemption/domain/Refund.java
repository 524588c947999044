package org.timebank.redemption.domain;

import java.time.OffsetDateTime;
import java.util.List;

/** A refund made: the points given back by its REFUND transaction, and the units returned to stock. */
public record Refund(long id, long redemptionId, long points, long transactionId, OffsetDateTime createdAt,
                     List<Basket.Line> lines) {
    public Refund {
        lines = List.copyOf(lines);
    }
}
