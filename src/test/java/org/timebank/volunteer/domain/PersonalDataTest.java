package org.timebank.volunteer.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataTest {
    private static final String ID_NUMBER = "11010519491231002X";

    @ParameterizedTest
    @ValueSource(strings = {"13812345678", "+86 138-1234-5678", "+8613812345678", " 138 1234 5678 ", "138-1234-5678",
            "138\t1234\t5678"})
    void a_mainland_mobile_number_is_normalized_to_its_11_digits(String raw) {
        assertEquals("13812345678", PersonalData.normalizePhone(raw));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12812345678", "1381234567", "138123456789", "23812345678", "+1 415 555 0100",
            "138.1234.5678", "(138)12345678", "+85 13812345678", "1381234567a", "１３８１２３４５６７８"})
    void anything_else_is_not_a_phone_number(String raw) {
        assertNull(PersonalData.normalizePhone(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "440304199001011233", "110101200001010010"})
    void an_id_number_with_a_valid_check_character_is_accepted(String id) {
        assertEquals(id, PersonalData.normalizeIdNumber(id));
    }

    @Test
    void a_lowercase_check_x_is_accepted_and_upper_cased() {
        assertEquals(ID_NUMBER, PersonalData.normalizeIdNumber("11010519491231002x"));
        assertEquals(ID_NUMBER, PersonalData.normalizeIdNumber("  11010519491231002x "));
    }

    @Test
    void exactly_one_check_character_fits_each_id_number() {
        String body = ID_NUMBER.substring(0, 17);
        int accepted = 0;
        for (char check : "0123456789X".toCharArray()) {
            if (PersonalData.normalizeIdNumber(body + check) != null) {
                accepted++;
                assertEquals('X', check);
            }
        }
        assertEquals(1, accepted);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"110105194912310021", "110105194912310020", "11010519491231003X", "01010519491231002X",
            "11010519491231002", "11010519491231002XX", "1101051949123100X2", "110105-19491231002X"})
    void an_id_number_with_a_wrong_check_character_or_shape_is_refused(String id) {
        assertNull(PersonalData.normalizeIdNumber(id));
    }

    @Test
    void a_phone_shows_its_first_three_and_last_four_digits() {
        assertEquals("138****5678", PersonalData.maskPhone("13812345678"));
    }

    @Test
    void an_id_number_shows_its_first_and_last_four_characters() {
        assertEquals("1*************002X", PersonalData.maskIdNumber(ID_NUMBER));
    }
}
