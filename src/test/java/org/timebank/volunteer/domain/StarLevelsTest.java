package org.timebank.volunteer.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StarLevelsTest {
    private static final StarLevels DEFAULT = new StarLevels(List.of(100, 300, 600, 1000, 1500));

    @Test
    void a_newcomer_has_no_star_and_100_hours_to_go() {
        assertEquals(new StarLevels.Standing(0, 6000L), DEFAULT.of(0));
    }

    @Test
    void one_minute_short_of_100_hours_is_still_no_star() {
        assertEquals(new StarLevels.Standing(0, 1L), DEFAULT.of(100 * 60 - 1));
    }

    @Test
    void exactly_100_hours_earns_the_first_star() {
        assertEquals(new StarLevels.Standing(1, 200 * 60L), DEFAULT.of(100 * 60));
    }

    @Test
    void each_threshold_adds_a_star() {
        assertEquals(new StarLevels.Standing(2, 300 * 60L), DEFAULT.of(300 * 60));
        assertEquals(new StarLevels.Standing(3, 400 * 60L), DEFAULT.of(600 * 60));
        assertEquals(new StarLevels.Standing(4, 1L), DEFAULT.of(1500 * 60 - 1));
    }

    @Test
    void at_1500_hours_a_volunteer_has_five_stars_and_no_next_level() {
        assertEquals(new StarLevels.Standing(5, null), DEFAULT.of(1500 * 60));
        assertEquals(new StarLevels.Standing(5, null), DEFAULT.of(10_000 * 60));
    }

    @Test
    void thresholds_must_be_positive_and_ascending() {
        assertThrows(IllegalArgumentException.class, () -> new StarLevels(List.of(100, 100)));
        assertThrows(IllegalArgumentException.class, () -> new StarLevels(List.of(300, 100)));
        assertThrows(IllegalArgumentException.class, () -> new StarLevels(List.of(0, 100)));
        assertThrows(IllegalArgumentException.class, () -> new StarLevels(List.of(-5)));
    }

    @Test
    void the_levels_keep_their_own_copy_of_the_thresholds() {
        List<Integer> thresholds = new ArrayList<>(List.of(100, 300));
        StarLevels levels = new StarLevels(thresholds);
        thresholds.set(0, 1);

        assertEquals(new StarLevels.Standing(0, 6000L), levels.of(0));
    }
}
