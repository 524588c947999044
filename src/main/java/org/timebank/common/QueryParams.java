package org.timebank.common;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Query parameters arrive as text and are parsed here, so that a malformed one is a 400
 * INVALID_PARAMETER naming it (JAX-RS would answer 404 for a query parameter it cannot convert).
 */
public final class QueryParams {
    private QueryParams() {}

    public static Long id(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.badRequest("INVALID_PARAMETER", name);
    }

    public static <E extends Enum<E>> E oneOf(Class<E> type, String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_PARAMETER", name);
        }
    }

    /** A time with its offset (RFC 3339); one without, or not a time at all, says which form is expected. */
    public static Instant time(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new ApiException(400, "INVALID_PARAMETER",
                    List.of(new ApiException.Item(name, null, "INVALID_TIME", name)), name).explainedBy("INVALID_TIME");
        }
    }
}
