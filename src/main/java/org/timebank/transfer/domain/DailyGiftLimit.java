package org.timebank.transfer.domain;

/**
 * How much one volunteer may gift per calendar day (Asia/Shanghai), per asset: points in whole
 * points, hours in minutes. Gifts already made today count against it.
 */
public record DailyGiftLimit(long limit) {
    public DailyGiftLimit {
        if (limit < 0) {
            throw new IllegalArgumentException("a daily gift limit is not negative, was " + limit);
        }
    }

    /** True when a gift of {@code amount} on top of {@code giftedToday} stays within the limit. */
    public boolean allows(long giftedToday, long amount) {
        return amount <= limit - giftedToday;
    }
}
