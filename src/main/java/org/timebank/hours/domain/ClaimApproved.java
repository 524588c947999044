package org.timebank.hours.domain;

import java.time.OffsetDateTime;

/**
 * A claim was approved: its volunteer was credited {@code creditedMinutes} and {@code points} for
 * service that started at {@code startsAt}. Raised inside the approval's transaction, so that what
 * other features derive from approvals (the leaderboards) commits with it, or not at all.
 */
public record ClaimApproved(long claimId, long volunteerId, OffsetDateTime startsAt, long creditedMinutes,
                            long points) {}
