package org.timebank.leaderboard.domain;

/** What a board ranks by: confirmed minutes served, or points earned by them (reversals count against both). */
public enum LeaderboardMetric {
    HOURS(1, "minutes"), POINTS(2, "points");

    private final short code;
    private final String column;

    LeaderboardMetric(int code, String column) {
        this.code = (short) code;
        this.column = column;
    }

    /** The histogram's metric code in the database. */
    public short code() {
        return code;
    }

    /** The score column holding it. */
    public String column() {
        return column;
    }
}
