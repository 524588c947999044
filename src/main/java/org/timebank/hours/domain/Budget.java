package org.timebank.hours.domain;

/**
 * A community's points budget: whether approvals draw on one, what was paid in, what was paid out to
 * volunteers and what is left.
 */
public record Budget(long communityId, boolean budgeted, long funded, long spent, long available) {
    public static Budget none(long communityId) {
        return new Budget(communityId, false, 0, 0, 0);
    }
}
