package org.timebank.notice.domain;

/**
 * What the volunteer chose for one template in wx.requestSubscribeMessage: {@code ACCEPT} (one more
 * message of a one-time template, or, with {@code always}, every message of a long-term one),
 * {@code REJECT} (nothing more; with {@code always}, "always reject": every grant of the template
 * goes), {@code BAN} (the template is off for this user: every grant goes).
 */
public record SubscriptionChoice(String template, Decision decision, boolean always) {
    public enum Decision { ACCEPT, REJECT, BAN }

    /** Whether the choice takes away what was granted before. */
    public boolean revokes() {
        return decision == Decision.BAN || (decision == Decision.REJECT && always);
    }
}
