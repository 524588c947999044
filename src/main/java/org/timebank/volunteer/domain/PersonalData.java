package org.timebank.volunteer.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** Phone and ID-card numbers: normalization, validation and masking. No framework, no keys. */
public final class PersonalData {
    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern ID_CARD = Pattern.compile("[1-9][0-9]{16}[0-9X]");
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] ID_CHECK = "10X98765432".toCharArray();

    private PersonalData() {}

    /** A mainland mobile number in its canonical 11-digit form, or null if it is not one. */
    public static String normalizePhone(String raw) {
        if (raw == null) {
            return null;
        }
        String digits = raw.replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        }
        return MOBILE.matcher(digits).matches() ? digits : null;
    }

    /** An 18-character resident ID number (GB 11643) with a valid check character, or null. */
    public static String normalizeIdNumber(String raw) {
        if (raw == null) {
            return null;
        }
        String id = raw.strip().toUpperCase(Locale.ROOT);
        if (!ID_CARD.matcher(id).matches()) {
            return null;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK[sum % 11] == id.charAt(17) ? id : null;
    }

    /** 13812345678 -> 138****5678 */
    public static String maskPhone(String phone) {
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    /** 420102199001011234 -> 4*************1234 */
    public static String maskIdNumber(String id) {
        return id.charAt(0) + "*".repeat(id.length() - 5) + id.substring(id.length() - 4);
    }
}
