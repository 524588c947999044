package org.timebank.leaderboard.domain;

import java.time.LocalDate;
import java.util.List;
import org.timebank.region.domain.RegionLevel;

/**
 * A board as read: a region's subtree, one period (its first day, null for ALL) and one metric,
 * best first; equal values share a rank.
 */
public record Leaderboard(long regionId, String regionName, RegionLevel level, LeaderboardPeriod period,
                          LocalDate periodStart, LeaderboardMetric metric, List<Entry> entries) {

    /** One volunteer on the board, the name already masked; {@code me} on the caller's own entry. */
    public record Entry(long rank, String name, long communityId, long minutes, long points, boolean me) {}
}
