package org.timebank.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Keyset paging: {@code limit} bounded, cursors opaque (the last id seen, base64url). */
public record Paging(int limit, Long after) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** Query parameters arrive as text, so a malformed limit is a 400 with a clear code, not a 404. */
    public static Paging of(String limit, String cursor) {
        int l;
        try {
            l = limit == null || limit.isEmpty() ? DEFAULT_LIMIT : Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("INVALID_LIMIT", MAX_LIMIT);
        }
        if (l < 1 || l > MAX_LIMIT) {
            throw ApiException.badRequest("INVALID_LIMIT", MAX_LIMIT);
        }
        return new Paging(l, decode(cursor));
    }

    private static Long decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith("v1:")) {
                throw new IllegalArgumentException(text);
            }
            return Long.parseLong(text.substring(3));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_CURSOR");
        }
    }

    public static String encode(long lastId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("v1:" + lastId).getBytes(StandardCharsets.UTF_8));
    }

    /** Fetch limit + 1 rows; this trims the extra one and makes the cursor from the last kept id. */
    public <T> Page<T> page(java.util.List<T> rows, java.util.function.ToLongFunction<T> id) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        java.util.List<T> kept = rows.subList(0, limit);
        return new Page<>(java.util.List.copyOf(kept), encode(id.applyAsLong(kept.get(limit - 1))));
    }
}
