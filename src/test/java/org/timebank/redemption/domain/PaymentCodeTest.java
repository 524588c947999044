package org.timebank.redemption.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PaymentCodeTest {
    @Test
    void a_code_is_twenty_characters_of_an_alphabet_without_look_alikes_carrying_a_hundred_bits() {
        String code = PaymentCode.generate(new SecureRandom());
        assertEquals(20, code.length());
        assertTrue(code.chars().allMatch(c -> PaymentCode.ALPHABET.indexOf(c) >= 0), code);
        assertEquals(32, PaymentCode.ALPHABET.length());
        assertTrue(PaymentCode.ALPHABET.chars().noneMatch(c -> "ILOU".indexOf(c) >= 0));
        assertNotEquals(code, PaymentCode.generate(new SecureRandom()));
    }

    @Test
    void a_typed_code_is_read_as_issued() {
        assertEquals("0123ABCD0123ABCD1111", PaymentCode.normalize("o123 abcd-O123 ABCD iIlL"));
    }
}
