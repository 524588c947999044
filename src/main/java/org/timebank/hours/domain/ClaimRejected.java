package org.timebank.hours.domain;

import java.time.OffsetDateTime;

/**
 * A claim was rejected, for {@code reason}: nothing was credited. Raised inside the decision's
 * transaction, like {@link ClaimApproved}, so that what follows from it (a notice to the volunteer)
 * commits with the decision, or not at all.
 */
public record ClaimRejected(long claimId, long volunteerId, OffsetDateTime startsAt, long minutes, String reason) {}
