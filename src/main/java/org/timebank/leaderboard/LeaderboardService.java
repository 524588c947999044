package org.timebank.leaderboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.timebank.common.ApiException;
import org.timebank.common.Times;
import org.timebank.hours.domain.ClaimApproved;
import org.timebank.hours.domain.ClaimReversed;
import org.timebank.leaderboard.domain.Leaderboard;
import org.timebank.leaderboard.domain.LeaderboardMetric;
import org.timebank.leaderboard.domain.LeaderboardPeriod;
import org.timebank.leaderboard.domain.LeaderboardRank;
import org.timebank.leaderboard.domain.NameMask;
import org.timebank.leaderboard.persistence.LeaderboardStore;
import org.timebank.leaderboard.persistence.LeaderboardStore.Board;
import org.timebank.region.RegionService;
import org.timebank.region.domain.RegionRef;
import org.timebank.security.Caller;
import org.timebank.volunteer.VolunteerService;
import org.timebank.volunteer.domain.VolunteerMoved;
import org.timebank.volunteer.domain.VolunteerRef;

/**
 * Boards and ranks. Scores follow approved claims by their service day; the folder
 * ({@link LeaderboardJob}) brings an approval onto the boards within a second.
 */
@ApplicationScoped
public class LeaderboardService {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;

    @Inject
    LeaderboardStore store;
    @Inject
    RegionService regions;
    @Inject
    VolunteerService volunteers;

    /**
     * Puts a volunteer on public boards or keeps them off (self, staff in scope, admin). The boards
     * follow within a second, through the folder. Returns whether they are shown now.
     */
    @Transactional
    public boolean setShown(Caller caller, long volunteerId, boolean shown) {
        if (volunteers.showOnLeaderboards(caller, volunteerId, shown)) {
            store.addRefresh(volunteerId);
        }
        return shown;
    }

    /**
     * A board ranks the volunteers who live in its subtree now: a moved volunteer's scores of the
     * current periods go with them to the new community's boards, within a second, through the folder.
     */
    void onMove(@Observes VolunteerMoved moved) {
        store.addRefresh(moved.volunteerId());
    }

    /** An approved claim adds to its volunteer's scores of its service day, in the approval's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void onApproved(@Observes ClaimApproved approved) {
        store.addDelta(approved.volunteerId(), serviceDay(approved.startsAt()), approved.creditedMinutes(),
                approved.points());
    }

    /** A reversed claim takes back what its approval added, in the reversal's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void onReversed(@Observes ClaimReversed reversed) {
        store.addDelta(reversed.volunteerId(), serviceDay(reversed.startsAt()), -reversed.creditedMinutes(),
                -reversed.points());
    }

    private static LocalDate serviceDay(OffsetDateTime serviceStart) {
        return serviceStart.atZoneSameInstant(Times.ZONE).toLocalDate();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Leaderboard board(Caller caller, long regionId, LeaderboardPeriod period, LeaderboardMetric metric, int limit) {
        RegionRef region = regions.require(regionId);
        Board board = board(region, period, metric);
        Long me = caller.volunteerId();
        List<Leaderboard.Entry> entries = new ArrayList<>();
        long rank = 0;
        long previous = Long.MIN_VALUE;
        for (LeaderboardStore.Entry e : store.top(board, limit)) {
            long value = metric == LeaderboardMetric.HOURS ? e.minutes() : e.points();
            if (value != previous) {
                rank = entries.size() + 1;
                previous = value;
            }
            entries.add(new Leaderboard.Entry(rank, NameMask.mask(e.name()), e.communityId(), e.minutes(), e.points(),
                    me != null && me == e.volunteerId()));
        }
        return new Leaderboard(region.id(), region.name(), region.level(), period, shownStart(board), metric, entries);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LeaderboardRank rank(Caller caller, long regionId, LeaderboardPeriod period, LeaderboardMetric metric,
                         long volunteerId) {
        VolunteerRef volunteer = volunteers.visibleTo(caller, volunteerId);
        RegionRef region = regions.require(regionId);
        if (!regions.require(volunteer.homeCommunityId()).pathIds().contains(region.id())) {
            throw ApiException.unprocessable("VOLUNTEER_NOT_IN_REGION", volunteerId, regionId);
        }
        Board board = board(region, period, metric);
        LeaderboardStore.Score score = store.score(volunteerId, period, board.periodStart())
                .orElse(new LeaderboardStore.Score(0, 0));
        long value = metric == LeaderboardMetric.HOURS ? score.minutes() : score.points();
        Long rank = value > 0 ? 1 + store.above(board, value) : null;
        return new LeaderboardRank(volunteerId, region.id(), region.level(), period, shownStart(board), metric, rank,
                store.above(board, 0), score.minutes(), score.points(), !volunteer.leaderboardHidden());
    }

    private static Board board(RegionRef region, LeaderboardPeriod period, LeaderboardMetric metric) {
        LocalDate today = LocalDate.now(Times.ZONE);
        return new Board(region.level(), region.id(), period, period.start(today), metric);
    }

    private static LocalDate shownStart(Board board) {
        return board.period() == LeaderboardPeriod.ALL ? null : board.periodStart();
    }

    /** Parses {@code limit}: 1 to {@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT} when absent. */
    public static int limit(String text) {
        if (text == null || text.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.badRequest("INVALID_PARAMETER", "limit");
    }
}
