package org.timebank.transfer.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DailyGiftLimitTest {
    private final DailyGiftLimit limit = new DailyGiftLimit(500);

    @Test
    void a_gift_that_reaches_the_limit_exactly_is_allowed() {
        assertTrue(limit.allows(450, 50));
        assertTrue(limit.allows(0, 500));
    }

    @Test
    void a_gift_beyond_the_limit_is_refused() {
        assertFalse(limit.allows(500, 1));
        assertFalse(limit.allows(0, 501));
    }

    @Test
    void a_huge_gift_does_not_overflow_into_an_allowance() {
        assertFalse(limit.allows(0, Long.MAX_VALUE));
    }

    @Test
    void a_limit_is_not_negative() {
        assertThrows(IllegalArgumentException.class, () -> new DailyGiftLimit(-1));
    }
}
