package org.timebank.notice.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fits a notice's values to the fields of a WeChat subscription-message template before it is sent.
 * WeChat refuses the whole message (47003) when one value breaks its field type's rule, and a
 * field's type is its key without the trailing number ({@code thing1}, {@code character_string3}).
 * The rules, as WeChat documents them for subscribeMessage.send:
 * <ul>
 * <li>{@code thing}: 1 to 20 characters of any kind; longer text ends in an ellipsis, an empty
 *     one says 无 (a claim rejected without a reason);</li>
 * <li>{@code character_string}: at most 32 digits, letters or symbols; longer ends in "...";</li>
 * <li>{@code letter} at most 32 letters, {@code symbol} at most 5 symbols: cut;</li>
 * <li>{@code phrase}: at most 5 Chinese characters, {@code name}: at most 10 Chinese characters, or 20
 *     letters and symbols when it has none: cut, as an ellipsis is neither;</li>
 * <li>{@code number}: at most 32 digits, with a decimal point: grouping and spaces are dropped;</li>
 * <li>{@code time} and {@code date}: written the way WeChat shows them ("2019年10月1日 15:01"): an
 *     ISO date or date-time is rewritten so;</li>
 * <li>other types ({@code amount}, {@code phone_number}, {@code car_number}, {@code enum}) and other
 *     keys pass unchanged: cutting a sum or a phone number would change what it says.</li>
 * </ul>
 * A value that cannot be made to fit (a number of 40 digits) is sent as it is, and WeChat's refusal
 * ends the notice.
 */
public final class TemplateFields {
    static final int THING = 20;
    static final int CHARACTER_STRING = 32;
    static final int LETTER = 32;
    static final int SYMBOL = 5;
    static final int PHRASE = 5;
    static final int NAME_CHINESE = 10;
    static final int NAME_LATIN = 20;
    /** What an empty {@code thing} says ("none"): WeChat refuses an empty value. */
    static final String NONE = "无";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private TemplateFields() {}

    /** Every value fitted to its field's type, in the same order. */
    public static Map<String, String> fit(Map<String, String> fields) {
        Map<String, String> out = new LinkedHashMap<>();
        fields.forEach((key, value) -> out.put(key, fit(key, value)));
        return out;
    }

    /** The value fitted to the type its key names. */
    public static String fit(String key, String value) {
        if (value == null) {
            return null;
        }
        return switch (type(key)) {
            case "thing" -> value.isBlank() ? NONE : cut(value, THING, "…");
            case "character_string" -> cut(value, CHARACTER_STRING, "...");
            case "letter" -> cut(value, LETTER, "");
            case "symbol" -> cut(value, SYMBOL, "");
            case "phrase" -> cut(value, PHRASE, "");
            case "name" -> cut(value, hasChinese(value) ? NAME_CHINESE : NAME_LATIN, "");
            case "number" -> value.replaceAll("[\\s,_]", "");
            case "time", "date" -> dateTime(value);
            default -> value;
        };
    }

    /** The field's type: its key without the trailing digits. */
    static String type(String key) {
        return key.replaceFirst("\\d+$", "");
    }

    /** At most {@code max} characters (code points), the last of them {@code ellipsis} when cut. */
    static String cut(String value, int max, String ellipsis) {
        if (value.codePointCount(0, value.length()) <= max) {
            return value;
        }
        int keep = max - ellipsis.codePointCount(0, ellipsis.length());
        return value.substring(0, value.offsetByCodePoints(0, keep)).stripTrailing() + ellipsis;
    }

    private static boolean hasChinese(String value) {
        return value.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** An ISO date or date-time (at its own offset) as WeChat shows one; anything else unchanged. */
    private static String dateTime(String value) {
        try {
            return LocalDateTime.parse(value).format(DATE_TIME);
        } catch (DateTimeParseException notLocal) {
            try {
                return OffsetDateTime.parse(value).toLocalDateTime().format(DATE_TIME);
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDate.parse(value).format(DATE);
                } catch (DateTimeParseException notDate) {
                    return value;
                }
            }
        }
    }
}
