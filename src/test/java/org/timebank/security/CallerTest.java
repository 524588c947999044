package org.timebank.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.timebank.common.ApiException;

class CallerTest {
    @ParameterizedTest
    @ValueSource(strings = {" 2", "2 ", "02", "+2", "-2", "0", "00", "\t2", "2\n", "99999999999999999999"})
    void a_subject_that_could_be_read_as_another_identity_is_refused(String sub) {
        ApiException e = assertThrows(ApiException.class, () -> Caller.canonical(sub));
        assertEquals(401, e.status());
        assertEquals("INVALID_TOKEN_SUBJECT", e.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "1001", "9223372036854775807", "staff-alice", "admin-test", "shop-op-3", "a2b"})
    void a_subject_that_names_one_identity_is_taken_as_it_is(String sub) {
        assertEquals(sub, Caller.canonical(sub));
    }

    @Test
    void only_a_canonical_positive_decimal_is_a_volunteer_id() {
        assertEquals(2L, Caller.idOf("2"));
        assertNull(Caller.idOf("staff-2"));
        assertNull(Caller.idOf("9223372036854775808"));
    }

    @Test
    void no_subject_is_no_caller() {
        assertEquals("UNAUTHENTICATED", assertThrows(ApiException.class, () -> Caller.canonical(" ")).code());
        assertEquals("UNAUTHENTICATED", assertThrows(ApiException.class, () -> Caller.canonical(null)).code());
    }
}
