package org.timebank.leaderboard.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.timebank.common.Sql;
import org.timebank.leaderboard.domain.LeaderboardMetric;
import org.timebank.leaderboard.domain.LeaderboardPeriod;
import org.timebank.region.domain.RegionLevel;

/** The leaderboard tables of V9: deltas in, scores and histograms out. */
@ApplicationScoped
public class LeaderboardStore {
    @Inject
    Sql sql;

    /** One board: which region of which level, period and metric. */
    public record Board(RegionLevel level, long regionId, LeaderboardPeriod period, LocalDate periodStart,
                        LeaderboardMetric metric) {}

    public record Entry(long volunteerId, String name, long communityId, long minutes, long points) {}

    public record Score(long minutes, long points) {}

    /**
     * What an approval (positive) or a reversal (negative) adds to a volunteer's scores: written with
     * the approval's own writes, in their round trip (see {@link Sql#defer}).
     */
    public void addDelta(long volunteerId, LocalDate servedOn, long minutes, long points) {
        sql.defer("insert into leaderboard_delta (volunteer_id, served_on, minutes, points) values (?, ?, ?, ?)",
                volunteerId, servedOn, minutes, points);
    }

    /** Asks the folder to re-read the volunteer's visibility and home community into their score rows. */
    public void addRefresh(long volunteerId) {
        sql.update("insert into leaderboard_delta (volunteer_id) values (?)", volunteerId);
    }

    /** The visible volunteers with a positive value, best first, ties by volunteer id. */
    public List<Entry> top(Board board, int limit) {
        String value = board.metric().column();
        String select = "select s.volunteer_id, v.name, s.community_id, s.minutes, s.points"
                + " from leaderboard_score s join volunteer v on v.id = s.volunteer_id"
                + " where s." + regionColumn(board.level()) + " = ? and s.period = ? and s.period_start = ?"
                + " and not s.hidden and s." + value + " > 0"
                + " order by s." + value + " desc, s.volunteer_id limit " + limit;
        return sql.list(select, rs -> new Entry(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)),
                board.regionId(), board.period().code(), board.periodStart());
    }

    public Optional<Score> score(long volunteerId, LeaderboardPeriod period, LocalDate periodStart) {
        return sql.one("select minutes, points from leaderboard_score"
                + " where volunteer_id = ? and period = ? and period_start = ?",
                rs -> new Score(rs.getLong(1), rs.getLong(2)), volunteerId, period.code(), periodStart);
    }

    /**
     * How many visible volunteers of the board hold more than {@code value}: from the histogram for a
     * district or city, counted on the score index for a street or community.
     */
    public long above(Board board, long value) {
        String count = switch (board.level()) {
            case CITY, DISTRICT -> "select coalesce(sum(volunteers), 0) from leaderboard_histogram"
                    + " where region_id = ? and period = ? and period_start = ? and metric = "
                    + board.metric().code() + " and value > ?";
            case STREET, COMMUNITY -> "select count(*) from leaderboard_score where "
                    + regionColumn(board.level()) + " = ? and period = ? and period_start = ? and not hidden and "
                    + board.metric().column() + " > ?";
        };
        return sql.single(count, rs -> rs.getLong(1), board.regionId(), board.period().code(), board.periodStart(), value);
    }

    /** Folds up to {@code limit} deltas; returns how many. */
    public int fold(int limit) {
        return sql.single("select leaderboard_fold(?)", rs -> rs.getInt(1), limit);
    }

    /** Drops the rows of periods no board shows any more; returns how many score rows. */
    public int purge() {
        return sql.single("select leaderboard_purge()", rs -> rs.getInt(1));
    }

    private static String regionColumn(RegionLevel level) {
        return switch (level) {
            case CITY -> "city_id";
            case DISTRICT -> "district_id";
            case STREET -> "street_id";
            case COMMUNITY -> "community_id";
        };
    }
}
