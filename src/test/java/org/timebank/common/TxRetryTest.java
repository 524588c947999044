package org.timebank.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Transactions meeting a serialization failure or a deadlock are retried whole; others are not. */
@QuarkusTest
class TxRetryTest {
    @Inject
    Tx tx;
    @Inject
    Jdbc jdbc;

    private void raise(String sqlState) {
        jdbc.run(c -> {
            try (Statement s = c.createStatement()) {
                return s.execute("do $$ begin raise exception 'simulated' using errcode = '" + sqlState + "'; end $$");
            }
        });
    }

    @Test
    void a_serialization_failure_and_a_deadlock_are_retried_until_the_work_succeeds() {
        AtomicInteger attempts = new AtomicInteger();
        String result = tx.inNew(() -> {
            int n = attempts.incrementAndGet();
            if (n == 1) {
                raise("40001");
            } else if (n == 2) {
                raise("40P01");
            }
            return "done on attempt " + n;
        });
        assertEquals("done on attempt 3", result);
    }

    @Test
    void retries_stop_after_the_configured_attempts_and_answer_service_busy() {
        AtomicInteger attempts = new AtomicInteger();
        RuntimeException e = assertThrows(RuntimeException.class, () -> tx.inNew(() -> {
            attempts.incrementAndGet();
            raise("40001");
            return null;
        }));
        assertEquals(5, attempts.get());
        assertEquals("SERVICE_BUSY", SqlErrors.translate(e).code());
        assertEquals(503, SqlErrors.translate(e).status());
    }

    @Test
    void other_failures_are_not_retried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThrows(RuntimeException.class, () -> tx.inNew(() -> {
            attempts.incrementAndGet();
            raise("23514");
            return null;
        }));
        assertEquals(1, attempts.get());
    }
}
