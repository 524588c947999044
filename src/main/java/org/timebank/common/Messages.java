package org.timebank.common;

import jakarta.ws.rs.core.HttpHeaders;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Problem details in the caller's language: zh-CN unless the caller prefers English. */
public final class Messages {
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private Messages() {}

    public static Locale localeOf(HttpHeaders headers) {
        if (headers == null) {
            return CHINESE;
        }
        try {
            return localeOf(headers.getAcceptableLanguages());
        } catch (RuntimeException malformedHeader) {
            return CHINESE;
        }
    }

    /** The locale of an {@code Accept-Language} header's text (zh-CN when absent or malformed). */
    public static Locale localeOf(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return CHINESE;
        }
        try {
            return localeOf(Locale.LanguageRange.parse(acceptLanguage).stream()
                    .map(range -> Locale.forLanguageTag(range.getRange()))
                    .toList());
        } catch (IllegalArgumentException malformed) {
            return CHINESE;
        }
    }

    /** The first of the caller's languages this service speaks (en or zh), else zh-CN. */
    public static Locale localeOf(List<Locale> wanted) {
        for (Locale locale : wanted) {
            if ("en".equals(locale.getLanguage())) {
                return Locale.ENGLISH;
            }
            if ("zh".equals(locale.getLanguage())) {
                return CHINESE;
            }
        }
        return CHINESE;
    }

    /** A length of service in a message: "33 小时 20 分钟", "33 hours 20 minutes"; never rounded. */
    public record Minutes(long minutes) {
        String in(Locale locale) {
            long h = minutes / 60;
            long m = minutes % 60;
            boolean english = "en".equals(locale.getLanguage());
            String hours = english ? h + (h == 1 ? " hour" : " hours") : h + " 小时";
            String rest = english ? m + (m == 1 ? " minute" : " minutes") : m + " 分钟";
            if (h == 0) {
                return rest;
            }
            return m == 0 ? hours : hours + " " + rest;
        }
    }

    public static String format(Locale locale, String code, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String template;
        try {
            template = bundle.getString(code);
        } catch (MissingResourceException e) {
            return code;
        }
        // ids and amounts print as they are (no "1,001"); durations in the words of the language
        Object[] text = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            text[i] = args[i] instanceof Minutes m ? m.in(locale) : String.valueOf(args[i]);
        }
        return new MessageFormat(template, locale).format(text);
    }
}
