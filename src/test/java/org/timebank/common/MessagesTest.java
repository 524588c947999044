package org.timebank.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void chinese_is_the_default_language() {
        assertEquals(Messages.CHINESE, Messages.localeOf(List.of()));
        assertEquals(Messages.CHINESE, Messages.localeOf((HttpHeaders) null));
        assertEquals(Messages.CHINESE, Messages.localeOf(List.of(Locale.GERMAN, Locale.FRENCH)));
    }

    @Test
    void the_first_language_the_service_speaks_wins() {
        assertEquals(Locale.ENGLISH, Messages.localeOf(List.of(Locale.FRENCH, Locale.US, Locale.CHINA)));
        assertEquals(Messages.CHINESE, Messages.localeOf(List.of(Locale.TRADITIONAL_CHINESE, Locale.ENGLISH)));
    }

    @Test
    void a_message_is_filled_in_the_callers_language() {
        assertEquals("limit 须为 1 至 100 的整数", Messages.format(Messages.CHINESE, "INVALID_LIMIT", 100));
        assertEquals("limit must be a whole number from 1 to 100",
                Messages.format(Locale.ENGLISH, "INVALID_LIMIT", 100));
    }

    @Test
    void a_language_the_service_does_not_speak_gets_chinese() {
        assertEquals("分页游标无效", Messages.format(Locale.FRENCH, "INVALID_CURSOR"));
    }

    @Test
    void ids_and_amounts_print_without_grouping() {
        assertEquals("Account 1234567 does not exist",
                Messages.format(Locale.ENGLISH, "ACCOUNT_NOT_FOUND", 1_234_567L));
        assertEquals("账户 1234567 不存在", Messages.format(Messages.CHINESE, "ACCOUNT_NOT_FOUND", 1_234_567L));
    }

    @Test
    void an_apostrophe_in_a_template_prints_once() {
        assertEquals("This volunteer's HOURS account already has an opening balance",
                Messages.format(Locale.ENGLISH, "IMPORT_OPENING_BALANCE_EXISTS", "HOURS"));
    }

    @Test
    void an_unknown_code_prints_as_itself() {
        assertEquals("NO_SUCH_CODE", Messages.format(Locale.ENGLISH, "NO_SUCH_CODE", 1));
    }
}
