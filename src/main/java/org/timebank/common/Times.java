package org.timebank.common;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Times leave the service as RFC 3339 with the programme's offset (Asia/Shanghai, +08:00). */
public final class Times {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Times() {}

    public static OffsetDateTime local(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(ZONE).toOffsetDateTime();
    }
}
