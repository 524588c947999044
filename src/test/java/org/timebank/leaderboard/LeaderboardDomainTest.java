package org.timebank.leaderboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.timebank.leaderboard.domain.LeaderboardPeriod;
import org.timebank.leaderboard.domain.NameMask;

class LeaderboardDomainTest {
    @Test
    void names_keep_their_first_and_last_character() {
        assertEquals("张*明", NameMask.mask("张晓明"));
        assertEquals("李*", NameMask.mask("李华"));
        assertEquals("欧**明", NameMask.mask("欧阳小明"));
        assertEquals("*", NameMask.mask("王"));
        assertEquals("J********h", NameMask.mask("John Smith"));
        // a character outside the BMP is one character, never half of one
        assertEquals("𠮷*", NameMask.mask("𠮷野"));
        assertEquals("*", NameMask.mask("𠮷"));
    }

    @Test
    void weeks_start_on_monday_months_and_years_on_their_first_day() {
        LocalDate sunday = LocalDate.of(2026, 11, 22);
        assertEquals(LocalDate.of(2026, 11, 16), LeaderboardPeriod.WEEK.start(sunday));
        assertEquals(LocalDate.of(2026, 11, 16), LeaderboardPeriod.WEEK.start(LocalDate.of(2026, 11, 16)));
        assertEquals(LocalDate.of(2026, 11, 1), LeaderboardPeriod.MONTH.start(sunday));
        assertEquals(LocalDate.of(2026, 1, 1), LeaderboardPeriod.YEAR.start(sunday));
        assertEquals(LeaderboardPeriod.ALL_TIME, LeaderboardPeriod.ALL.start(sunday));
        // a week across the new year belongs to the year of its Monday
        assertEquals(LocalDate.of(2025, 12, 29), LeaderboardPeriod.WEEK.start(LocalDate.of(2026, 1, 1)));
    }
}
