package org.timebank.leaderboard.domain;

import java.time.LocalDate;
import org.timebank.region.domain.RegionLevel;

/**
 * Where one volunteer stands on a board: {@code rank} is null while they have nothing in the
 * period; {@code ranked} counts the volunteers on it with a positive value.
 */
public record LeaderboardRank(long volunteerId, long regionId, RegionLevel level, LeaderboardPeriod period,
                              LocalDate periodStart, LeaderboardMetric metric, Long rank, long ranked,
                              long minutes, long points, boolean shownOnBoards) {}
