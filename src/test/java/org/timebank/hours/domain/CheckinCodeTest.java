package org.timebank.hours.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckinCodeTest {
    @Test
    void a_code_is_six_characters_without_look_alikes() {
        SecureRandom random = new SecureRandom();
        Set<Character> used = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = CheckinCode.generate(random);
            assertEquals(6, code.length());
            assertTrue(code.chars().noneMatch(ch -> "01IOL".indexOf(ch) >= 0), code);
            code.chars().forEach(ch -> used.add((char) ch));
        }
        assertEquals(CheckinCode.ALPHABET.length(), used.size(), "every character of the alphabet turns up");
    }

    @Test
    void a_code_typed_in_small_letters_or_with_spaces_is_the_code_issued() {
        assertEquals("K7PX3M", CheckinCode.normalize(" k7p x3-m "));
    }
}
