package org.timebank.hours.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConversionRuleSetTest {
    private static final Instant SINCE = Instant.parse("2026-01-01T00:00:00Z");

    private static ConversionRuleSet rules(int granularity, Rounding rounding, Map<String, BigDecimal> rates) {
        return new ConversionRuleSet(1, 4, 1, SINCE, granularity, rounding, rates, null, null);
    }

    private static ConversionRuleSet.Converted converted(ConversionRuleSet.Conversion c) {
        return assertInstanceOf(ConversionRuleSet.Converted.class, c);
    }

    private static final ConversionRuleSet WUHAN = rules(1, Rounding.DOWN,
            Map.of("DEFAULT", new BigDecimal("1"), "KITCHEN", new BigDecimal("6")));

    @Test
    void two_and_a_half_hours_of_kitchen_help_at_six_points_an_hour_earn_fifteen_points() {
        ConversionRuleSet.Converted c = converted(WUHAN.convert("KITCHEN", 150, null));

        assertEquals(150, c.creditedMinutes());
        assertEquals(15, c.points());
        assertEquals(0, new BigDecimal("6").compareTo(c.pointsPerHour()));
    }

    @Test
    void a_category_without_its_own_rate_is_converted_at_the_default_rate() {
        ConversionRuleSet.Converted c = converted(WUHAN.convert("ELDERLY_VISIT", 180, null));

        assertEquals(3, c.points());
        assertEquals(0, BigDecimal.ONE.compareTo(c.pointsPerHour()));
    }

    @Test
    void a_category_with_its_own_rate_does_not_use_the_default() {
        assertEquals(6, converted(WUHAN.convert("KITCHEN", 60, null)).points());
        assertEquals(1, converted(WUHAN.convert("DEFAULT", 60, null)).points());
    }

    @Test
    void without_a_rate_for_the_category_nor_a_default_there_is_no_rate() {
        ConversionRuleSet kitchenOnly = rules(1, Rounding.DOWN, Map.of("KITCHEN", new BigDecimal("6")));

        ConversionRuleSet.NoRate none = assertInstanceOf(ConversionRuleSet.NoRate.class,
                kitchenOnly.convert("GARDENING", 60, null));
        assertEquals("GARDENING", none.category());
    }

    @Test
    void a_new_claim_or_activity_names_a_category_the_rules_in_force_rate_or_DEFAULT() {
        Optional<ConversionRuleSet> kitchenOnly = Optional.of(rules(1, Rounding.DOWN, Map.of("KITCHEN", new BigDecimal("6"))));

        assertTrue(ConversionRuleSet.isKnown("KITCHEN", kitchenOnly));
        assertFalse(ConversionRuleSet.isKnown("GARDENING", kitchenOnly));
        assertTrue(ConversionRuleSet.isKnown("DEFAULT", kitchenOnly), "the general category, rated or not");
        assertTrue(ConversionRuleSet.isKnown("DEFAULT", Optional.empty()));
        assertFalse(ConversionRuleSet.isKnown("KITCHEN", Optional.empty()), "without rules in force, only DEFAULT");
    }

    @Test
    void an_activitys_rate_overrides_the_category_rate() {
        ConversionRuleSet.Converted c = converted(WUHAN.convert("KITCHEN", 60, new BigDecimal("2")));

        assertEquals(2, c.points());
        assertEquals(0, new BigDecimal("2").compareTo(c.pointsPerHour()));
    }

    @Test
    void an_activitys_rate_applies_even_where_the_rules_have_no_rate_for_its_category() {
        ConversionRuleSet kitchenOnly = rules(1, Rounding.DOWN, Map.of("KITCHEN", new BigDecimal("6")));

        assertEquals(9, converted(kitchenOnly.convert("GARDENING", 180, new BigDecimal("3"))).points());
    }

    @Test
    void an_activity_rate_of_zero_earns_no_points_but_still_credits_the_minutes() {
        ConversionRuleSet.Converted c = converted(WUHAN.convert("KITCHEN", 90, BigDecimal.ZERO));

        assertEquals(90, c.creditedMinutes());
        assertEquals(0, c.points());
    }

    @Test
    void in_quarter_hours_fifty_minutes_count_as_forty_five() {
        ConversionRuleSet quarters = rules(15, Rounding.DOWN, Map.of("DEFAULT", new BigDecimal("4")));

        ConversionRuleSet.Converted c = converted(quarters.convert("DEFAULT", 50, null));

        assertEquals(45, c.creditedMinutes());
        assertEquals(3, c.points());
    }

    @Test
    void in_quarter_hours_fourteen_minutes_credit_nothing() {
        ConversionRuleSet quarters = rules(15, Rounding.UP, Map.of("DEFAULT", new BigDecimal("4")));

        ConversionRuleSet.Converted c = converted(quarters.convert("DEFAULT", 14, null));

        assertEquals(0, c.creditedMinutes());
        assertEquals(0, c.points());
    }

    @Test
    void counted_to_the_minute_every_minute_is_credited() {
        assertEquals(149, converted(WUHAN.convert("KITCHEN", 149, null)).creditedMinutes());
    }

    @ParameterizedTest(name = "{0} min at {1}/h rounded {2} = {3} points")
    @CsvSource({
            // Guangzhou: 1 hour = 1 point, whole numbers
            "50,  1, DOWN,    0",
            "50,  1, HALF_UP, 1",
            "50,  1, UP,      1",
            "1,   1, UP,      1",
            "1,   1, HALF_UP, 0",
            "1,   1, DOWN,    0",
            "30,  1, HALF_UP, 1",
            "29,  1, HALF_UP, 0",
            "119, 1, DOWN,    1",
            "61,  1, UP,      2",
            "60,  1, UP,      1",
            "150, 6, DOWN,   15",
            "150, 6, UP,     15",
    })
    void points_that_are_not_whole_are_rounded_as_the_rules_say(long minutes, String rate, Rounding rounding,
                                                                 long points) {
        ConversionRuleSet set = rules(1, rounding, Map.of("DEFAULT", new BigDecimal(rate)));

        assertEquals(points, converted(set.convert("DEFAULT", minutes, null)).points());
    }

    @ParameterizedTest(name = "{0} min at {1}/h rounded {2} = {3} points")
    @CsvSource({
            "120, 2.125, DOWN,     4",
            "120, 2.125, UP,       5",
            "120, 2.125, HALF_UP,  4",
            "60,  0.001, UP,       1",
            "60,  0.001, DOWN,     0",
            "720, 0.005, HALF_UP,  0",
            "720, 99999.999, DOWN, 1199999",
    })
    void a_rate_may_have_three_decimals(long minutes, String rate, Rounding rounding, long points) {
        ConversionRuleSet set = rules(1, rounding, Map.of("DEFAULT", new BigDecimal(rate)));

        assertEquals(points, converted(set.convert("DEFAULT", minutes, null)).points());
    }

    /** Each of these comes out one point wrong when computed in double (e.g. 625 x 1.632 / 60 = 16.999999999999996). */
    @ParameterizedTest(name = "{0} min at {1}/h rounded {2} = {3} points exactly")
    @CsvSource({
            "625, 1.632, DOWN,    17",
            "375, 1.120, UP,       7",
            "200, 2.550, HALF_UP,  9",
            "400, 1.275, HALF_UP,  9",
    })
    void conversion_is_exact_decimal_arithmetic_not_floating_point(long minutes, String rate, Rounding rounding,
                                                                   long points) {
        ConversionRuleSet set = rules(1, rounding, Map.of("DEFAULT", new BigDecimal(rate)));

        assertEquals(points, converted(set.convert("DEFAULT", minutes, null)).points());
    }

    @Test
    void a_granularity_that_does_not_divide_an_hour_is_refused() {
        Map<String, BigDecimal> rates = Map.of("DEFAULT", BigDecimal.ONE);

        assertThrows(IllegalArgumentException.class, () -> rules(7, Rounding.DOWN, rates));
        assertThrows(IllegalArgumentException.class, () -> rules(0, Rounding.DOWN, rates));
        assertThrows(IllegalArgumentException.class, () -> rules(120, Rounding.DOWN, rates));
    }

    @Test
    void a_cap_and_its_over_cap_policy_come_together() {
        Map<String, BigDecimal> rates = Map.of("DEFAULT", BigDecimal.ONE);

        assertThrows(IllegalArgumentException.class,
                () -> new ConversionRuleSet(1, 4, 1, SINCE, 1, Rounding.DOWN, rates, 90_000L, null));
        assertThrows(IllegalArgumentException.class,
                () -> new ConversionRuleSet(1, 4, 1, SINCE, 1, Rounding.DOWN, rates, null, OverCap.REFUSE));
    }
}
