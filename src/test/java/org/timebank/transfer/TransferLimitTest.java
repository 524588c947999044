package org.timebank.transfer;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.timebank.support.Api.as;
import static org.timebank.transfer.TransferFixtures.gift;
import static org.timebank.transfer.TransferFixtures.volunteerWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.timebank.ledger.LedgerHousekeeping;
import org.timebank.support.Api;
import org.timebank.support.LedgerChecks;
import org.timebank.support.Parallel;
import org.timebank.support.Tokens;

/** The daily gift limit of the test profile: 500 points and 600 minutes per sender and day. */
@QuarkusTest
class TransferLimitTest {
    @Inject
    LedgerHousekeeping housekeeping;

    @Test
    void gifts_up_to_the_daily_limit_pass_and_the_next_is_refused() {
        Api.Tree t = Api.tree();
        Api.Volunteer giver = volunteerWith(t.community(), 1000, 0);
        Api.Volunteer taker = volunteerWith(t.community(), 0, 0);
        Api.Volunteer other = volunteerWith(t.community(), 0, 0);

        gift(giver, taker.id(), null, 300).then().statusCode(201);
        gift(giver, other.id(), null, 200).then().statusCode(201);
        gift(giver, taker.id(), null, 1).then().statusCode(422).body("code", equalTo("DAILY_GIFT_LIMIT_EXCEEDED"));

        assertEquals(500, Api.balance(giver, "points.available"));
        assertEquals(300, Api.balance(taker, "points.available"));
        assertEquals(200, Api.balance(other, "points.available"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void donations_do_not_count_against_the_gift_limit() {
        Api.Tree t = Api.tree();
        Api.Volunteer giver = volunteerWith(t.community(), 1000, 0);
        Api.Volunteer taker = volunteerWith(t.community(), 0, 0);

        TransferFixtures.donate(giver, null, "POINTS", 400).then().statusCode(201);
        gift(giver, taker.id(), null, 500).then().statusCode(201);

        assertEquals(100, Api.balance(giver, "points.available"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void the_hours_limit_is_counted_in_minutes_apart_from_points() {
        Api.Tree t = Api.tree();
        as(Tokens.admin()).body(Map.of("hoursGiftsAllowed", true))
                .put("/api/v1/regions/" + t.community() + "/transfer-rules").then().statusCode(200);
        Api.Volunteer giver = volunteerWith(t.community(), 600, 1000);
        Api.Volunteer taker = volunteerWith(t.community(), 0, 0);

        gift(giver, taker.id(), null, 500).then().statusCode(201);
        gift(giver, taker.id(), "HOURS", 600).then().statusCode(201);
        gift(giver, taker.id(), "HOURS", 1).then().statusCode(422).body("code", equalTo("DAILY_GIFT_LIMIT_EXCEEDED"));
        gift(giver, taker.id(), "POINTS", 1).then().statusCode(422).body("code", equalTo("DAILY_GIFT_LIMIT_EXCEEDED"));

        assertEquals(600, Api.balance(taker, "hours.minutes"));
        assertEquals(500, Api.balance(taker, "points.available"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void concurrent_gifts_cannot_together_pass_the_daily_limit() throws Exception {
        Api.Tree t = Api.tree();
        Api.Volunteer giver = volunteerWith(t.community(), 2000, 0);
        Api.Volunteer first = volunteerWith(t.community(), 0, 0);
        Api.Volunteer second = volunteerWith(t.community(), 0, 0);

        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long to = i % 2 == 0 ? first.id() : second.id();
            calls.add(() -> gift(giver, to, null, 50));
        }
        List<Response> responses = Parallel.run(20, calls);

        Map<Integer, Long> byStatus = responses.stream()
                .collect(Collectors.groupingBy(Response::statusCode, Collectors.counting()));
        assertEquals(Map.of(201, 10L, 422, 10L), byStatus, () -> responses.stream()
                .filter(r -> r.statusCode() != 201).map(Response::asString).findFirst().orElse(""));
        responses.stream().filter(r -> r.statusCode() == 422)
                .forEach(r -> assertEquals("DAILY_GIFT_LIMIT_EXCEEDED", r.jsonPath().getString("code")));
        assertEquals(1500, Api.balance(giver, "points.available"));
        assertEquals(500, Api.balance(first, "points.available") + Api.balance(second, "points.available"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }
}
