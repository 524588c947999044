package org.timebank.servicerequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.timebank.servicerequest.ServiceRequestFixtures.accept;
import static org.timebank.servicerequest.ServiceRequestFixtures.cancel;
import static org.timebank.servicerequest.ServiceRequestFixtures.complete;
import static org.timebank.servicerequest.ServiceRequestFixtures.confirm;
import static org.timebank.servicerequest.ServiceRequestFixtures.minutes;
import static org.timebank.servicerequest.ServiceRequestFixtures.pendingMinutes;
import static org.timebank.servicerequest.ServiceRequestFixtures.read;
import static org.timebank.servicerequest.ServiceRequestFixtures.request;
import static org.timebank.servicerequest.ServiceRequestFixtures.settlement;
import static org.timebank.servicerequest.ServiceRequestFixtures.withMinutes;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.timebank.ledger.LedgerHousekeeping;
import org.timebank.support.Api;
import org.timebank.support.LedgerChecks;
import org.timebank.support.Parallel;
import org.timebank.support.Tokens;

@QuarkusTest
class ServiceRequestConcurrencyTest {
    @Inject
    LedgerHousekeeping housekeeping;

    @Test
    void of_twenty_volunteers_accepting_at_once_exactly_one_wins_and_the_hours_are_held_once() throws Exception {
        Api.Tree t = Api.tree();
        Api.Volunteer requester = withMinutes(t.community(), 100);
        long id = request(requester, 60);
        List<Api.Volunteer> providers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            providers.add(withMinutes(t.community(), 0));
        }
        List<Callable<Integer>> calls = new ArrayList<>();
        for (Api.Volunteer p : providers) {
            calls.add(() -> accept(p, id).statusCode());
        }
        Map<Integer, Long> statuses = Parallel.run(20, calls).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertEquals(Map.of(200, 1L, 409, 19L), statuses);
        assertEquals(60, pendingMinutes(requester));
        long winner = read(id).getLong("providerId");
        assertTrue(providers.stream().anyMatch(p -> p.id() == winner));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void two_requests_accepted_at_once_never_promise_the_same_hours_twice() throws Exception {
        Api.Tree t = Api.tree();
        Api.Volunteer requester = withMinutes(t.community(), 90);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(request(requester, 30));
        }
        List<Callable<Integer>> calls = new ArrayList<>();
        for (long id : ids) {
            Api.Volunteer p = withMinutes(t.community(), 0);
            calls.add(() -> accept(p, id).statusCode());
        }
        Map<Integer, Long> statuses = Parallel.run(6, calls).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertEquals(Map.of(200, 3L, 422, 3L), statuses);
        assertEquals(90, pendingMinutes(requester));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void confirmations_racing_cancellations_resolve_exactly_once() throws Exception {
        Api.Tree t = Api.tree();
        settlement(t.community(), "MUTUAL_AID");
        Api.Volunteer requester = withMinutes(t.community(), 100);
        Api.Volunteer provider = withMinutes(t.community(), 0);
        long id = request(requester, 60);
        accept(provider, id).then().statusCode(200);
        complete(provider, id, 40).then().statusCode(200);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(() -> confirm(Tokens.volunteer(requester.id()), id).statusCode());
            calls.add(() -> cancel(Tokens.volunteer(provider.id()), id, "来不了").statusCode());
        }
        List<Integer> statuses = Parallel.run(20, calls);

        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses::toString);
        assertEquals(19, statuses.stream().filter(s -> s == 409).count(), statuses::toString);
        String status = read(id).getString("status");
        assertEquals(0, pendingMinutes(requester));
        if (status.equals("CONFIRMED")) {
            assertEquals(60, minutes(requester));
            assertEquals(40, minutes(provider));
        } else {
            assertEquals("CANCELLED", status);
            assertEquals(100, minutes(requester));
            assertEquals(0, minutes(provider));
        }
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void a_retried_confirmation_with_its_key_replays_the_first_answer_and_posts_once() {
        Api.Tree t = Api.tree();
        settlement(t.community(), "MUTUAL_AID");
        Api.Volunteer requester = withMinutes(t.community(), 100);
        Api.Volunteer provider = withMinutes(t.community(), 0);
        long id = request(requester, 60);
        accept(provider, id).then().statusCode(200);
        complete(provider, id, 60).then().statusCode(200);
        String key = Api.key();
        for (int i = 0; i < 3; i++) {
            Api.as(Tokens.volunteer(requester.id())).header("Idempotency-Key", key)
                    .post(ServiceRequestFixtures.PATH + "/" + id + "/confirmation").then().statusCode(200)
                    .header("Idempotency-Replayed", i == 0 ? org.hamcrest.Matchers.nullValue()
                            : org.hamcrest.Matchers.equalTo("true"));
        }
        assertEquals(40, minutes(requester));
        assertEquals(60, minutes(provider));
        LedgerChecks.assertLedgerSound(housekeeping);
    }
}
