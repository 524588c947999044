package org.timebank.transfer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "timebank.transfers")
public interface TransferConfig {
    /** Points one volunteer may gift per calendar day (Asia/Shanghai). */
    @WithDefault("500")
    long dailyGiftLimitPoints();

    /** Minutes of hours one volunteer may gift per calendar day (Asia/Shanghai), where hours gifts are allowed. */
    @WithDefault("600")
    long dailyGiftLimitMinutes();
}
