package org.timebank.notice.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Values fitted to WeChat's documented limits per field type, so that a long text is not a refused message. */
class TemplateFieldsTest {
    static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    @Test
    void a_thing_longer_than_20_characters_is_cut_to_20_ending_in_an_ellipsis() {
        String reason = "活动记录与签到时间不一致，请联系社区工作人员核对后重新提交";
        String fitted = TemplateFields.fit("thing1", reason);
        assertEquals(20, length(fitted));
        assertEquals(reason.substring(0, 19) + "…", fitted);
        assertEquals("没有这个活动", TemplateFields.fit("thing1", "没有这个活动"), "a short one is left alone");
        assertEquals(TemplateFields.NONE, TemplateFields.fit("thing2", ""), "WeChat refuses an empty value");
    }

    @Test
    void characters_outside_the_basic_plane_count_as_one_and_are_never_split() {
        String text = "😀".repeat(25);
        String fitted = TemplateFields.fit("thing1", text);
        assertEquals(20, length(fitted));
        assertEquals("😀".repeat(19) + "…", fitted);
    }

    @Test
    void a_character_string_keeps_32_ending_in_three_dots_and_letters_symbols_phrases_are_cut() {
        String id = "CLAIM-" + "0123456789".repeat(4);
        String fitted = TemplateFields.fit("character_string3", id);
        assertEquals(32, fitted.length());
        assertEquals(id.substring(0, 29) + "...", fitted);
        assertEquals("ab".repeat(16), TemplateFields.fit("letter1", "ab".repeat(20)));
        assertEquals("#####", TemplateFields.fit("symbol2", "#######"));
        assertEquals("服务已完成", TemplateFields.fit("phrase4", "服务已完成并评价"), "five Chinese characters, no ellipsis");
    }

    @Test
    void a_chinese_name_keeps_10_characters_and_a_latin_one_20() {
        assertEquals("欧阳".repeat(5), TemplateFields.fit("name1", "欧阳".repeat(7)));
        assertEquals("Alexandra Catherine", TemplateFields.fit("name2", "Alexandra Catherine Montgomery"),
                "cut at 20, the trailing space dropped");
        assertEquals("张Ann".repeat(2) + "张Ann".substring(0, 2), TemplateFields.fit("name3", "张Ann".repeat(5)),
                "Chinese and letters mixed count as a Chinese name: 10");
    }

    @Test
    void numbers_lose_their_grouping_and_times_are_written_as_wechat_shows_them() {
        assertEquals("1200", TemplateFields.fit("number1", "1,200"));
        assertEquals("2.5", TemplateFields.fit("number2", "2.5"));
        assertEquals("2026年11月29日 09:00", TemplateFields.fit("time3", "2026-11-29T09:00"));
        assertEquals("2026年11月29日 09:00", TemplateFields.fit("time3", "2026-11-29T09:00:00+08:00"));
        assertEquals("2026年3月1日", TemplateFields.fit("date4", "2026-03-01"));
        assertEquals("15:01", TemplateFields.fit("time5", "15:01"), "already as WeChat shows it");
    }

    @Test
    void amounts_phone_numbers_and_unknown_keys_pass_unchanged_in_their_order() {
        Map<String, String> in = new LinkedHashMap<>();
        in.put("amount1", "¥12345678901");
        in.put("phone_number2", "+86-0766-66888866-12345");
        in.put("points", "x".repeat(40));
        in.put("thing4", "t".repeat(21));
        Map<String, String> out = TemplateFields.fit(in);
        assertEquals(List.of("amount1", "phone_number2", "points", "thing4"), List.copyOf(out.keySet()));
        assertEquals("¥12345678901", out.get("amount1"));
        assertEquals("+86-0766-66888866-12345", out.get("phone_number2"));
        assertEquals("x".repeat(40), out.get("points"));
        assertEquals("t".repeat(19) + "…", out.get("thing4"));
    }
}
