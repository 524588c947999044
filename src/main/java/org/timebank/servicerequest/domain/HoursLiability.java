package org.timebank.servicerequest.domain;

import java.util.List;

/**
 * What the bank owes in stored hours over a region's subtree, in minutes. {@code depositedMinutes}:
 * confirmed by its communities (their HOURS issuance, net of reversals); {@code withdrawnMinutes}:
 * posted for services given in them, under either rule; {@code storedMinutes}: held in the HOURS
 * wallets of volunteers homed there, of which {@code heldMinutes} are promised to accepted requests
 * and not yet spent; {@code poolMinutes}: in their communities' pools. {@code months}: the
 * withdrawals of the last 12 calendar months (Asia/Shanghai), oldest first, months without any included.
 */
public record HoursLiability(long regionId, long depositedMinutes, long withdrawnMinutes, long storedMinutes,
                             long heldMinutes, long poolMinutes, List<Month> months) {
    public record Month(String month, long withdrawnMinutes, long requests) {}

    /** What may still be withdrawn: stored and not yet promised. */
    public long availableMinutes() {
        return storedMinutes - heldMinutes;
    }
}
