package org.timebank.common;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.metadata.ConstraintDescriptor;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * What a Bean Validation constraint says about a field, as a stable code and a detail in the
 * caller's language, so that clients branch on {@code FIELD_TOO_LARGE}, not on the name of an
 * annotation, and a zh-CN caller never reads English.
 *
 * <p>The codes: {@code FIELD_REQUIRED}, {@code FIELD_TOO_SMALL}, {@code FIELD_TOO_LARGE},
 * {@code FIELD_TOO_SHORT}, {@code FIELD_TOO_LONG}, {@code FIELD_TOO_FEW_ITEMS},
 * {@code FIELD_TOO_MANY_ITEMS}, {@code FIELD_FORMAT}, {@code FIELD_TOO_PRECISE} and, for a
 * constraint none of these names, {@code FIELD_INVALID}.
 */
final class FieldViolations {
    private FieldViolations() {}

    static ProblemError of(String field, ConstraintViolation<?> v, Locale locale) {
        ConstraintDescriptor<?> d = v.getConstraintDescriptor();
        Map<String, Object> a = d.getAttributes();
        Object value = v.getInvalidValue();
        return switch (d.getAnnotation().annotationType().getSimpleName()) {
            case "NotNull", "NotBlank", "NotEmpty" -> error(field, "FIELD_REQUIRED", "FIELD_REQUIRED", locale);
            case "Min" -> error(field, "FIELD_TOO_SMALL", "FIELD_TOO_SMALL", locale, a.get("value"));
            case "DecimalMin" -> error(field, "FIELD_TOO_SMALL",
                    Boolean.FALSE.equals(a.get("inclusive")) ? "FIELD_TOO_SMALL_EXCLUSIVE" : "FIELD_TOO_SMALL", locale,
                    a.get("value"));
            case "Positive" -> error(field, "FIELD_TOO_SMALL", "FIELD_TOO_SMALL_EXCLUSIVE", locale, 0);
            case "PositiveOrZero" -> error(field, "FIELD_TOO_SMALL", "FIELD_TOO_SMALL", locale, 0);
            case "Max" -> error(field, "FIELD_TOO_LARGE", "FIELD_TOO_LARGE", locale, a.get("value"));
            case "DecimalMax" -> error(field, "FIELD_TOO_LARGE",
                    Boolean.FALSE.equals(a.get("inclusive")) ? "FIELD_TOO_LARGE_EXCLUSIVE" : "FIELD_TOO_LARGE", locale,
                    a.get("value"));
            case "Size" -> size(field, value, (Integer) a.get("min"), (Integer) a.get("max"), locale);
            case "Pattern", "Email" -> error(field, "FIELD_FORMAT", "FIELD_FORMAT", locale);
            case "Digits" -> error(field, "FIELD_TOO_PRECISE", "FIELD_TOO_PRECISE", locale, a.get("integer"),
                    a.get("fraction"));
            default -> error(field, "FIELD_INVALID", "FIELD_INVALID", locale);
        };
    }

    private static ProblemError size(String field, Object value, int min, int max, Locale locale) {
        boolean items = value instanceof Collection<?> || value instanceof Map<?, ?> || (value != null && value.getClass().isArray());
        int length = value instanceof CharSequence s ? s.length()
                : value instanceof Collection<?> c ? c.size()
                : value instanceof Map<?, ?> m ? m.size() : -1;
        if (length >= 0 && length < min) {
            String code = items ? "FIELD_TOO_FEW_ITEMS" : "FIELD_TOO_SHORT";
            return error(field, code, code, locale, min);
        }
        String code = items ? "FIELD_TOO_MANY_ITEMS" : "FIELD_TOO_LONG";
        return error(field, code, code, locale, max);
    }

    private static ProblemError error(String field, String code, String message, Locale locale, Object... bounds) {
        Object[] args = new Object[bounds.length + 1];
        args[0] = field;
        System.arraycopy(bounds, 0, args, 1, bounds.length);
        return ProblemError.field(field, code, Messages.format(locale, message, args));
    }
}
