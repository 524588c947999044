package org.timebank.hours.domain;

/** Points the community fund pays into a community's budget, with why. */
public record BudgetFunding(long points, String memo) {
    public BudgetFunding {
        if (points <= 0) {
            throw new IllegalArgumentException("a funding pays in at least one point: " + points);
        }
        if (memo == null || memo.isBlank()) {
            throw new IllegalArgumentException("a funding needs a memo");
        }
        memo = memo.strip();
    }
}
