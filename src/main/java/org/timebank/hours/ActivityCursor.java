package org.timebank.hours;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.timebank.common.ApiException;
import org.timebank.hours.persistence.ActivityStore.Position;

/**
 * The opaque cursor of the activity list, which is ordered by start time then id: both, base64url
 * (start in epoch microseconds, PostgreSQL's precision).
 */
public final class ActivityCursor {
    private static final String PREFIX = "a1:";

    private ActivityCursor() {}

    public static String encode(Position position) {
        Instant t = position.startsAt();
        long micros = Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + micros + ":" + position.id()).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor stands for; null without one, 400 INVALID_CURSOR for one this service did not issue. */
    public static Position decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = text.startsWith(PREFIX) ? text.substring(PREFIX.length()).split(":", -1) : new String[0];
            if (parts.length != 2) {
                throw new IllegalArgumentException(text);
            }
            long micros = Long.parseLong(parts[0]);
            long id = Long.parseLong(parts[1]);
            if (id < 0) {
                throw new IllegalArgumentException(text);
            }
            return new Position(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1_000L), id);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw ApiException.badRequest("INVALID_CURSOR");
        }
    }
}
