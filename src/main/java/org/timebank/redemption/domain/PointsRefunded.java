package org.timebank.redemption.domain;

/**
 * A shop gave back {@code points} of a captured redemption to its volunteer's wallet. Raised inside
 * the refund's transaction, so that what follows from it (a notice to the volunteer) commits with
 * the refund, or not at all.
 */
public record PointsRefunded(long refundId, long redemptionId, long volunteerId, long shopId, long points) {}
