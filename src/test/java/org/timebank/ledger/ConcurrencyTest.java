package org.timebank.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.timebank.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.timebank.support.Api;
import org.timebank.support.LedgerChecks;
import org.timebank.support.Parallel;
import org.timebank.support.Tokens;

/** Invariants 3 and 4 of ledger-design.md under real concurrency against PostgreSQL. */
@QuarkusTest
class ConcurrencyTest {
    @Inject
    LedgerHousekeeping housekeeping;

    @Test
    void parallel_debits_against_one_wallet_succeed_exactly_as_far_as_it_affords() throws Exception {
        Api.Volunteer v = Api.volunteer(Api.tree().community());
        Api.adjust(v.pointsAccount(), "CREDIT", 100).statusCode(201);
        String admin = Tokens.admin();
        List<Callable<Integer>> debits = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            debits.add(() -> as(admin).header("Idempotency-Key", Api.key())
                    .body(Map.of("accountId", v.pointsAccount(), "direction", "DEBIT", "amount", 7, "reason", "race"))
                    .post("/api/v1/ledger/adjustments").statusCode());
        }

        List<Integer> statuses = Parallel.run(16, debits);

        assertEquals(14, statuses.stream().filter(s -> s == 201).count(), "100 points afford 14 debits of 7");
        assertEquals(26, statuses.stream().filter(s -> s == 422).count(), statuses::toString);
        assertEquals(2, Api.balance(v, "points.available"));
        assertEquals(2, Api.balance(v, "points.posted"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void concurrent_retries_of_one_idempotency_key_apply_once() throws Exception {
        Api.Volunteer v = Api.volunteer(Api.tree().community());
        String admin = Tokens.admin();
        String key = Api.key();
        Map<String, Object> body = Map.of("accountId", v.pointsAccount(), "direction", "CREDIT", "amount", 25,
                "reason", "retried on a flaky network");
        List<Callable<Response>> retries = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            retries.add(() -> as(admin).header("Idempotency-Key", key).body(body).post("/api/v1/ledger/adjustments"));
        }

        List<Response> responses = Parallel.run(12, retries);

        long fresh = responses.stream().filter(r -> r.statusCode() == 201 && r.header("Idempotency-Replayed") == null).count();
        assertEquals(1, fresh, "exactly one call has the effect");
        for (Response r : responses) {
            assertTrue(r.statusCode() == 201 || r.statusCode() == 409, () -> r.statusCode() + " " + r.asString());
            if (r.statusCode() == 409) {
                assertEquals("IDEMPOTENCY_KEY_IN_USE", r.jsonPath().getString("code"));
            }
        }
        assertEquals(25, Api.balance(v, "points.posted"));
        // a retry after the dust settles replays the first answer
        Response replay = as(admin).header("Idempotency-Key", key).body(body).post("/api/v1/ledger/adjustments");
        Response first = responses.stream().filter(r -> r.statusCode() == 201 && r.header("Idempotency-Replayed") == null)
                .findFirst().orElseThrow();
        assertEquals(201, replay.statusCode());
        assertEquals("true", replay.header("Idempotency-Replayed"));
        assertEquals(first.jsonPath().getLong("id"), replay.jsonPath().getLong("id"));
        assertEquals(first.header("Location"), replay.header("Location"));
        assertEquals(25, Api.balance(v, "points.posted"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void many_postings_against_one_hot_community_account_do_not_serialize_on_its_row() throws Exception {
        // every credit below comes from the same system adjustment account, which has no balance
        // flag: it must take deltas instead of a row lock, so all calls succeed at once
        Api.Tree tree = Api.tree();
        List<Api.Volunteer> volunteers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            volunteers.add(Api.volunteer(tree.community()));
        }
        String admin = Tokens.admin();
        List<Callable<Integer>> credits = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            Api.Volunteer v = volunteers.get(i % volunteers.size());
            credits.add(() -> as(admin).header("Idempotency-Key", Api.key())
                    .body(Map.of("accountId", v.pointsAccount(), "direction", "CREDIT", "amount", 3, "reason", "hot"))
                    .post("/api/v1/ledger/adjustments").statusCode());
        }
        List<Integer> statuses = Parallel.run(16, credits);
        assertTrue(statuses.stream().allMatch(s -> s == 201), statuses::toString);
        for (Api.Volunteer v : volunteers) {
            assertEquals(18, Api.balance(v, "points.posted"));
        }
        LedgerChecks.assertLedgerSound(housekeeping);
    }
}
