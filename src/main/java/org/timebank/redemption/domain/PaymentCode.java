package org.timebank.redemption.domain;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The one-time code a volunteer shows at the till (as a QR code or typed): 20 characters of
 * Crockford's base32 (no I, L, O, U), 100 bits, so guessing one inside its short life is hopeless.
 */
public final class PaymentCode {
    public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int LENGTH = 20;

    private PaymentCode() {}

    /** A fresh code; pass a SecureRandom, since whoever guesses a code spends the volunteer's points. */
    public static String generate(RandomGenerator random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * The code as scanned or typed, in the form it was issued: spaces and dashes dropped, capitals,
     * and the look-alikes Crockford's base32 folds (O to 0, I and L to 1).
     */
    public static String normalize(String typed) {
        return typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT)
                .replace('O', '0').replace('I', '1').replace('L', '1');
    }
}
