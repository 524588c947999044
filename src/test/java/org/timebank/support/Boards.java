package org.timebank.support;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.timebank.leaderboard.LeaderboardJob;

/**
 * Brings the leaderboards up to date for a test. One fold alone is not enough: the scheduled
 * folder may hold the lock with a snapshot taken before the test's last delta committed, and a
 * second folder then skips. So this folds until no delta is left.
 */
public final class Boards {
    private Boards() {}

    public static void settle(LeaderboardJob job, AgroalDataSource dataSource) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            job.fold();
            if (pending(dataSource) == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("leaderboard deltas still pending after 10 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static long pending(AgroalDataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from leaderboard_delta")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
