package org.timebank.hours.domain;

import java.time.OffsetDateTime;

/**
 * An approved claim was reversed: what its approval credited ({@code creditedMinutes},
 * {@code points}, for service that started at {@code startsAt}) no longer counts. Raised inside the
 * reversal's transaction, like {@link ClaimApproved}.
 */
public record ClaimReversed(long claimId, long volunteerId, OffsetDateTime startsAt, long creditedMinutes,
                            long points) {}
