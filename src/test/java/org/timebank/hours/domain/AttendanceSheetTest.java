package org.timebank.hours.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.timebank.hours.domain.AttendanceSheet.Line;
import org.timebank.hours.domain.AttendanceSheet.Problem;

class AttendanceSheetTest {
    static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
    static final Instant NINE = Instant.parse("2026-11-21T01:00:00Z");
    static final Instant NOON = NINE.plus(Duration.ofHours(3));
    static final ClaimRules RULES = new ClaimRules(720, Duration.ofDays(90), Duration.ofMinutes(5), 480);

    static Line line(long volunteer, int fromMinute, int toMinute) {
        return new Line(volunteer, NINE.plus(Duration.ofMinutes(fromMinute)), NINE.plus(Duration.ofMinutes(toMinute)));
    }

    static List<Problem> check(Line... lines) {
        return AttendanceSheet.check(List.of(lines), NINE, NOON, 7, RULES, NOW);
    }

    @Test
    void a_sheet_of_distinct_volunteers_within_the_activity_is_sound() {
        assertEquals(List.of(), check(line(1, 0, 180), line(2, 0, 180), line(3, 60, 90)));
    }

    @Test
    void one_volunteers_periods_may_follow_each_other_but_not_overlap() {
        assertEquals(List.of(), check(line(1, 0, 60), line(1, 60, 120)));
        assertEquals(List.of(new Problem(0, "ATTENDANCE_RECORDS_OVERLAP", 2), new Problem(2, "ATTENDANCE_RECORDS_OVERLAP", 0)),
                check(line(1, 0, 61), line(2, 0, 61), line(1, 60, 120)));
    }

    @Test
    void a_period_may_start_before_or_end_after_the_activity_but_must_touch_it() {
        assertEquals(List.of(), check(line(1, -30, 10), line(2, 170, 200)));
        assertEquals(List.of(new Problem(0, "ATTENDANCE_OUTSIDE_ACTIVITY", 7L), new Problem(1, "ATTENDANCE_OUTSIDE_ACTIVITY", 7L)),
                check(line(1, -60, 0), line(2, 180, 240)));
    }

    @Test
    void every_claim_rule_a_line_breaks_is_reported_against_it() {
        List<Problem> problems = check(line(1, 0, 180), line(2, 120, 60), line(3, 0, 1000));

        assertEquals(List.of(new Problem(1, "CLAIM_END_NOT_AFTER_START", 720L), new Problem(2, "CLAIM_TOO_LONG", 720L)),
                problems);
    }

    @Test
    void a_backwards_line_is_reported_once_and_overlaps_nothing() {
        List<Problem> problems = check(line(1, 120, 60), line(1, 0, 180));

        assertEquals(1, problems.size());
        assertEquals("CLAIM_END_NOT_AFTER_START", problems.get(0).code());
    }

    @Test
    void problems_read_in_line_order() {
        List<Problem> sorted = AttendanceSheet.inLineOrder(List.of(new Problem(3, "B", null), new Problem(1, "A", null),
                new Problem(3, "C", null)));

        assertEquals(List.of(1, 3, 3), sorted.stream().map(Problem::index).toList());
        assertTrue(sorted.get(1).code().equals("B") && sorted.get(2).code().equals("C"), "stable within a line");
    }
}
