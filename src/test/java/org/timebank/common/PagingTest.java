package org.timebank.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PagingTest {
    record Row(long id) {}

    private static String base64url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Row> rows(long... ids) {
        return Arrays.stream(ids).mapToObj(Row::new).toList();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void the_limit_defaults_to_20(String limit) {
        assertEquals(new Paging(20, null), Paging.of(limit, null));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 50, 100})
    void a_limit_from_1_to_100_is_accepted(int limit) {
        assertEquals(limit, Paging.of(Integer.toString(limit), null).limit());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "abc", "1.5", " 5", "99999999999"})
    void any_other_limit_is_a_bad_request(String limit) {
        ApiException e = assertThrows(ApiException.class, () -> Paging.of(limit, null));

        assertEquals(400, e.status());
        assertEquals("INVALID_LIMIT", e.code());
        assertArrayEquals(new Object[] {100}, e.args());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 42, 123_456_789_012L, Long.MAX_VALUE})
    void a_cursor_gives_back_the_id_it_was_made_from(long id) {
        assertEquals(id, Paging.of("5", Paging.encode(id)).after());
    }

    @Test
    void a_cursor_is_opaque_url_safe_text() {
        String cursor = Paging.encode(Long.MAX_VALUE);

        assertFalse(cursor.contains(Long.toString(Long.MAX_VALUE)));
        assertEquals(cursor, cursor.replaceAll("[^A-Za-z0-9_-]", ""));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void without_a_cursor_paging_starts_at_the_beginning(String cursor) {
        assertNull(Paging.of(null, cursor).after());
    }

    @Test
    void a_garbage_cursor_is_a_bad_request() {
        for (String cursor : List.of("%%%", "not base64!", base64url("v2:5"), base64url("v1:abc"), base64url("v1:"),
                base64url("5"), base64url("v1:99999999999999999999"))) {
            ApiException e = assertThrows(ApiException.class, () -> Paging.of(null, cursor), cursor);
            assertEquals(400, e.status());
            assertEquals("INVALID_CURSOR", e.code(), cursor);
        }
    }

    @Test
    void a_full_page_drops_the_extra_row_and_points_past_the_last_kept_one() {
        Paging paging = Paging.of("3", null);

        Page<Row> page = paging.page(rows(50, 40, 30, 20), Row::id);

        assertEquals(rows(50, 40, 30), page.items());
        assertEquals(Paging.encode(30), page.nextCursor());
        assertEquals(30L, Paging.of("3", page.nextCursor()).after());
    }

    @Test
    void the_last_page_has_no_next_cursor() {
        Paging paging = Paging.of("3", null);

        assertNull(paging.page(rows(50, 40, 30), Row::id).nextCursor());
        assertEquals(rows(50, 40, 30), paging.page(rows(50, 40, 30), Row::id).items());
        assertNull(paging.page(rows(50), Row::id).nextCursor());
        assertEquals(List.of(), paging.page(List.<Row>of(), Row::id).items());
    }
}
