package org.timebank.redemption.domain;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

/**
 * A shop's month: what it captured, what it refunded, and the net points it is owed.
 *
 * @param from  the month's first instant in Asia/Shanghai
 * @param to    the next month's first instant
 * @param lines in time order
 */
public record ShopStatement(long shopId, YearMonth period, OffsetDateTime from, OffsetDateTime to,
                            long redeemedPoints, long refundedPoints, List<Line> lines) {
    /** A captured redemption (REDEMPTION) or a refund (REFUND), with its time and points. */
    public record Line(String type, long id, long redemptionId, long volunteerId, OffsetDateTime at, long points) {}

    public ShopStatement {
        lines = List.copyOf(lines);
    }

    /** What the community fund settles with the shop. */
    public long netPoints() {
        return redeemedPoints - refundedPoints;
    }
}
