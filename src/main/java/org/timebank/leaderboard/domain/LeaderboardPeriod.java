package org.timebank.leaderboard.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The periods a board covers, on the Asia/Shanghai calendar; weeks start on Monday (ISO). The code
 * is what the database stores; {@code leaderboard_period_start} in V9 computes the same starts.
 */
public enum LeaderboardPeriod {
    WEEK(1), MONTH(2), YEAR(3), ALL(4);

    /** The start the all-time period is stored under. */
    public static final LocalDate ALL_TIME = LocalDate.of(1970, 1, 1);

    private final short code;

    LeaderboardPeriod(int code) {
        this.code = (short) code;
    }

    public short code() {
        return code;
    }

    /** The first day of the period that holds {@code day}. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case YEAR -> day.withDayOfYear(1);
            case ALL -> ALL_TIME;
        };
    }
}
