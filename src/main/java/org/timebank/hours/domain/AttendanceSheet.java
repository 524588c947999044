package org.timebank.hours.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The periods staff record for one activity, judged as a whole before any of them becomes a claim:
 * every line must meet the claim rules, touch the activity's time, and not overlap another line of
 * the same volunteer (the database would refuse the second of two such claims, and only after the
 * first was written). Overlaps with claims already stored are the caller's to add.
 */
public final class AttendanceSheet {
    private AttendanceSheet() {}

    /** One volunteer's period at the activity. */
    public record Line(long volunteerId, Instant checkIn, Instant checkOut) {}

    /** What is wrong with the line at {@code index}: a problem code and the argument of its message. */
    public record Problem(int index, String code, Object arg) {}

    public static List<Problem> check(List<Line> lines, Instant activityStart, Instant activityEnd, long activityId,
                                      ClaimRules rules, Instant now) {
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            for (ClaimRules.Violation v : rules.check(line.checkIn(), line.checkOut(), now)) {
                problems.add(new Problem(i, v.code(), rules.maxClaimMinutes()));
            }
            if (isPeriod(line) && !overlaps(line.checkIn(), line.checkOut(), activityStart, activityEnd)) {
                problems.add(new Problem(i, "ATTENDANCE_OUTSIDE_ACTIVITY", activityId));
            }
            for (int j = 0; j < lines.size(); j++) {
                Line other = lines.get(j);
                if (j != i && other.volunteerId() == line.volunteerId() && isPeriod(line) && isPeriod(other)
                        && overlaps(line.checkIn(), line.checkOut(), other.checkIn(), other.checkOut())) {
                    problems.add(new Problem(i, "ATTENDANCE_RECORDS_OVERLAP", j));
                }
            }
        }
        return problems;
    }

    /** True when the period, as a claim, would overlap the activity; a claim may begin or end outside it. */
    public static boolean touchesActivity(Instant checkIn, Instant checkOut, Instant activityStart, Instant activityEnd) {
        return overlaps(checkIn, checkOut, activityStart, activityEnd);
    }

    /** Problems in line order, so a client reads them against its request from the top. */
    public static List<Problem> inLineOrder(List<Problem> problems) {
        return problems.stream().sorted(Comparator.comparingInt(Problem::index)).toList();
    }

    private static boolean isPeriod(Line line) {
        return line.checkOut().isAfter(line.checkIn());
    }

    /** Half-open periods [a, b) and [c, d), as PostgreSQL's tstzrange compares them. */
    private static boolean overlaps(Instant a, Instant b, Instant c, Instant d) {
        return a.isBefore(d) && c.isBefore(b);
    }
}
