package org.timebank.leaderboard.api;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.timebank.leaderboard.domain.Leaderboard;
import org.timebank.leaderboard.domain.LeaderboardMetric;
import org.timebank.leaderboard.domain.LeaderboardPeriod;
import org.timebank.leaderboard.domain.LeaderboardRank;
import org.timebank.region.domain.RegionLevel;

public final class LeaderboardViews {
    private LeaderboardViews() {}

    @Schema(name = "Leaderboard")
    public record BoardView(
            @Schema(example = "4") long regionId,
            @Schema(example = "百步亭花园社区") String regionName,
            RegionLevel level,
            LeaderboardPeriod period,
            @Schema(description = "first day of the period (Asia/Shanghai); null for ALL", example = "2026-11-01")
            LocalDate periodStart,
            LeaderboardMetric metric,
            @Schema(description = "best first; equal values share a rank and are listed by volunteer id")
            List<BoardEntry> entries) {

        public static BoardView of(Leaderboard board) {
            return new BoardView(board.regionId(), board.regionName(), board.level(), board.period(),
                    board.periodStart(), board.metric(), board.entries().stream().map(BoardEntry::of).toList());
        }
    }

    @Schema(name = "LeaderboardEntry")
    public record BoardEntry(
            @Schema(description = "1 + the number of volunteers on the board with more", example = "1") long rank,
            @Schema(description = "masked", example = "张*明") String name,
            @Schema(example = "4") long communityId,
            @Schema(description = "confirmed minutes served in the period", example = "1260") long minutes,
            @Schema(description = "points earned in the period", example = "210") long points,
            @Schema(description = "true on the caller's own entry") boolean me) {

        static BoardEntry of(Leaderboard.Entry e) {
            return new BoardEntry(e.rank(), e.name(), e.communityId(), e.minutes(), e.points(), e.me());
        }
    }

    @Schema(name = "LeaderboardRank")
    public record RankView(
            @Schema(example = "1001") long volunteerId,
            @Schema(example = "1") long regionId,
            RegionLevel level,
            LeaderboardPeriod period,
            @Schema(description = "first day of the period (Asia/Shanghai); null for ALL", example = "2026-11-01")
            LocalDate periodStart,
            LeaderboardMetric metric,
            @Schema(description = "1 + the number of volunteers on the board with more; null while the volunteer "
                    + "has nothing in the period", example = "37")
            Long rank,
            @Schema(description = "volunteers on the board with a positive value", example = "15210") long ranked,
            @Schema(example = "1260") long minutes,
            @Schema(example = "210") long points,
            @Schema(description = "false when the volunteer opted out of public boards (the rank is still theirs)")
            boolean shownOnBoards) {

        public static RankView of(LeaderboardRank r) {
            return new RankView(r.volunteerId(), r.regionId(), r.level(), r.period(), r.periodStart(), r.metric(),
                    r.rank(), r.ranked(), r.minutes(), r.points(), r.shownOnBoards());
        }
    }

    @Schema(name = "LeaderboardVisibility")
    public record Visibility(
            @Schema(description = "false keeps the volunteer off public boards", required = true)
            @jakarta.validation.constraints.NotNull Boolean shownOnBoards) {}
}
