package org.timebank.servicerequest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.timebank.servicerequest.ServiceRequestFixtures.accept;
import static org.timebank.servicerequest.ServiceRequestFixtures.complete;
import static org.timebank.servicerequest.ServiceRequestFixtures.confirm;
import static org.timebank.servicerequest.ServiceRequestFixtures.minutes;
import static org.timebank.servicerequest.ServiceRequestFixtures.pendingMinutes;
import static org.timebank.servicerequest.ServiceRequestFixtures.read;
import static org.timebank.servicerequest.ServiceRequestFixtures.request;
import static org.timebank.servicerequest.ServiceRequestFixtures.settlement;
import static org.timebank.servicerequest.ServiceRequestFixtures.step;
import static org.timebank.servicerequest.ServiceRequestFixtures.withMinutes;
import static org.timebank.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.timebank.ledger.LedgerHousekeeping;
import org.timebank.support.Api;
import org.timebank.support.LedgerChecks;
import org.timebank.support.Parallel;
import org.timebank.support.Tokens;

@QuarkusTest
class ServiceRequestHousekeepingTest {
    @Inject
    LedgerHousekeeping ledgerHousekeeping;
    @Inject
    ServiceRequestHousekeeping housekeeping;
    @Inject
    DataSource db;

    @Test
    void an_accepted_request_not_confirmed_in_time_goes_to_staff_and_nothing_is_posted_or_released() {
        Api.Tree t = Api.tree();
        Api.Volunteer requester = withMinutes(t.community(), 100);
        Api.Volunteer provider = withMinutes(t.community(), 0);
        long id = request(requester, 60);
        accept(provider, id).then().statusCode(200);
        String staff = Tokens.staff("staff-esc", t.community());
        Map<String, Object> voiding = Map.of("decision", "VOID", "reason", "无人确认");
        step(staff, id, "resolution", voiding).then().statusCode(409).body("code", equalTo("SERVICE_REQUEST_NOT_RESOLVABLE"));

        housekeeping.escalate(Instant.now());
        as(Tokens.admin()).get(ServiceRequestFixtures.PATH + "/" + id).then().body("escalatedAt", nullValue());
        // the window ends tomorrow; three days after it the request is due
        housekeeping.escalate(Instant.now().plus(Duration.ofDays(5)));
        as(staff).get(ServiceRequestFixtures.PATH + "?escalated=true&regionId=" + t.community()).then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains((int) id));
        assertEquals("ACCEPTED", read(id).getString("status"));
        assertEquals(60, pendingMinutes(requester));
        assertEquals(100, minutes(requester));

        step(staff, id, "resolution", voiding).then().statusCode(200).body("status", equalTo("RESOLVED"))
                .body("escalatedAt", notNullValue());
        assertEquals(0, pendingMinutes(requester));
        assertEquals(100, minutes(requester));
        LedgerChecks.assertLedgerSound(ledgerHousekeeping);
    }

    @Test
    void a_hold_that_runs_out_ends_the_request_as_expired_and_is_never_posted() throws Exception {
        Api.Tree t = Api.tree();
        Api.Volunteer requester = withMinutes(t.community(), 100);
        Api.Volunteer provider = withMinutes(t.community(), 0);
        long id = request(requester, 60);
        long hold = accept(provider, id).then().statusCode(200).extract().jsonPath().getLong("holdId");
        complete(provider, id, 60).then().statusCode(200);
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("update hold set expires_at = now() - interval '1 second' where id = ?")) {
            s.setLong(1, hold);
            s.executeUpdate();
        }
        confirm(Tokens.volunteer(requester.id()), id).then().statusCode(409).body("code", equalTo("SERVICE_HOLD_EXPIRED"));
        ledgerHousekeeping.expireHolds();
        housekeeping.sweepExpired();
        assertEquals("EXPIRED", read(id).getString("status"));
        confirm(Tokens.volunteer(requester.id()), id).then().statusCode(409).body("code", equalTo("SERVICE_HOLD_EXPIRED"));
        assertEquals(0, pendingMinutes(requester));
        assertEquals(100, minutes(requester));
        assertEquals(0, minutes(provider));
        LedgerChecks.assertLedgerSound(ledgerHousekeeping);
    }

    @Test
    void confirmations_racing_the_hold_s_expiry_resolve_exactly_once() throws Exception {
        Api.Tree t = Api.tree();
        settlement(t.community(), "MUTUAL_AID");
        Api.Volunteer requester = withMinutes(t.community(), 100);
        Api.Volunteer provider = withMinutes(t.community(), 0);
        long id = request(requester, 60);
        long hold = accept(provider, id).then().statusCode(200).extract().jsonPath().getLong("holdId");
        complete(provider, id, 60).then().statusCode(200);
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("update hold set expires_at = now() + interval '300 milliseconds' "
                     + "where id = ?")) {
            s.setLong(1, hold);
            s.executeUpdate();
        }
        // confirmations and the expiry jobs, staggered across the moment the hold runs out
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long after = i * 60L;
            calls.add(() -> {
                Thread.sleep(after);
                return confirm(Tokens.volunteer(requester.id()), id).statusCode();
            });
            calls.add(() -> {
                Thread.sleep(after);
                ledgerHousekeeping.expireHolds();
                housekeeping.sweepExpired();
                return 0;
            });
        }
        List<Integer> statuses = Parallel.run(20, calls);
        ledgerHousekeeping.expireHolds();
        housekeeping.sweepExpired();

        long confirmed = statuses.stream().filter(s -> s == 200).count();
        assertEquals(10, confirmed + statuses.stream().filter(s -> s == 409).count(), statuses::toString);
        String status = read(id).getString("status");
        assertEquals(0, pendingMinutes(requester));
        if (status.equals("CONFIRMED")) {
            assertEquals(1, confirmed, statuses::toString);
            assertEquals(40, minutes(requester));
            assertEquals(60, minutes(provider));
        } else {
            assertEquals("EXPIRED", status);
            assertEquals(0, confirmed, statuses::toString);
            assertEquals(100, minutes(requester));
            assertEquals(0, minutes(provider));
        }
        LedgerChecks.assertLedgerSound(ledgerHousekeeping);
    }
}
