package org.timebank.hours.domain;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The short code staff show at a venue and volunteers type in: six characters from an alphabet
 * without look-alikes (no 0/O, 1/I/L), so it can be read off a screen and typed on a phone.
 */
public final class CheckinCode {
    public static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public static final int LENGTH = 6;

    private CheckinCode() {}

    /** A fresh code; pass a SecureRandom, since whoever can guess a code can claim hours with it. */
    public static String generate(RandomGenerator random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as typed, in the form it was issued: spaces and dashes dropped, letters in capitals. */
    public static String normalize(String typed) {
        return typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
