package org.timebank.redemption.domain;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A redemption as its shop, its volunteer and the books see it.
 *
 * @param transactionId        the REDEMPTION transaction, or the hold
 * @param captureTransactionId the posting of a captured hold; null otherwise
 * @param resolvedAt           when it was captured, voided or expired; null while HELD
 */
public record RedemptionDetails(long id, long shopId, long volunteerId, RedemptionMode mode, RedemptionStatus status,
                                long points, Long capturedPoints, long refundedPoints, long transactionId,
                                Long captureTransactionId, OffsetDateTime createdAt, OffsetDateTime resolvedAt,
                                List<Redemption.Line> lines) {
    public RedemptionDetails {
        lines = List.copyOf(lines);
    }
}
