package org.timebank.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.timebank.common.ApiException;
import org.timebank.common.Tx;
import org.timebank.ledger.domain.AccountPurpose;
import org.timebank.ledger.domain.Asset;
import org.timebank.support.Api;
import org.timebank.support.LedgerChecks;
import org.timebank.support.Parallel;

/** Two-phase holds through the ledger service, on the real database. */
@QuarkusTest
class HoldTest {
    @Inject
    LedgerService ledger;
    @Inject
    LedgerAccounts accounts;
    @Inject
    LedgerHousekeeping housekeeping;
    @Inject
    Tx tx;

    Api.Volunteer volunteer;
    long shopSide;

    @BeforeEach
    void aVolunteerWith100Points() {
        Api.Tree tree = Api.tree();
        volunteer = Api.volunteer(tree.community());
        Api.adjust(volunteer.pointsAccount(), "CREDIT", 100).statusCode(201);
        shopSide = tx.inNew(() -> accounts.communityAccount(tree.community(), Asset.POINTS,
                AccountPurpose.COMMUNITY_ISSUANCE));
    }

    private long hold(long amount, Duration timeout) {
        return tx.inNew(() -> ledger.hold("TEST", "t", "tester", null, volunteer.pointsAccount(), shopSide, amount,
                timeout).id());
    }

    private ApiException failure(Runnable r) {
        return assertThrows(ApiException.class, r::run);
    }

    @Test
    void a_hold_reserves_points_without_posting_them() {
        hold(30, Duration.ofMinutes(5));
        assertEquals(70, Api.balance(volunteer, "points.available"));
        assertEquals(30, Api.balance(volunteer, "points.pending"));
        assertEquals(100, Api.balance(volunteer, "points.posted"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void posting_a_hold_in_full_spends_what_was_reserved() {
        long id = hold(30, Duration.ofMinutes(5));
        tx.inNew(() -> ledger.postHold(id, 30, "till"));
        assertEquals(70, Api.balance(volunteer, "points.available"));
        assertEquals(0, Api.balance(volunteer, "points.pending"));
        assertEquals(70, Api.balance(volunteer, "points.posted"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void posting_part_of_a_hold_releases_the_rest() {
        long id = hold(30, Duration.ofMinutes(5));
        tx.inNew(() -> ledger.postHold(id, 10, "till"));
        assertEquals(90, Api.balance(volunteer, "points.available"));
        assertEquals(0, Api.balance(volunteer, "points.pending"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void voiding_a_hold_gives_everything_back() {
        long id = hold(30, Duration.ofMinutes(5));
        tx.inNew(() -> ledger.voidHold(id, "till"));
        assertEquals(100, Api.balance(volunteer, "points.available"));
        assertEquals(100, Api.balance(volunteer, "points.posted"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void a_hold_resolves_exactly_once() {
        long id = hold(30, Duration.ofMinutes(5));
        tx.inNew(() -> ledger.postHold(id, 30, "till"));
        assertEquals("HOLD_ALREADY_RESOLVED", failure(() -> tx.inNew(() -> ledger.voidHold(id, "till"))).code());
        assertEquals("HOLD_ALREADY_RESOLVED", failure(() -> tx.inNew(() -> ledger.postHold(id, 30, "till"))).code());
        assertEquals(70, Api.balance(volunteer, "points.posted"));
    }

    @Test
    void a_post_and_a_void_racing_on_one_hold_resolve_it_once() throws Exception {
        long id = hold(30, Duration.ofMinutes(5));
        List<Callable<String>> racers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            boolean post = i % 2 == 0;
            racers.add(() -> {
                try {
                    tx.inNew(() -> post ? ledger.postHold(id, 30, "till") : ledger.voidHold(id, "till"));
                    return post ? "POSTED" : "VOIDED";
                } catch (ApiException e) {
                    return e.code();
                }
            });
        }
        List<String> outcomes = Parallel.run(10, racers);
        assertEquals(1, outcomes.stream().filter(o -> o.equals("POSTED") || o.equals("VOIDED")).count(), outcomes::toString);
        assertEquals(9, outcomes.stream().filter("HOLD_ALREADY_RESOLVED"::equals).count(), outcomes::toString);
        long posted = Api.balance(volunteer, "points.posted");
        assertTrue(posted == 70 || posted == 100);
        assertEquals(posted, Api.balance(volunteer, "points.available"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void an_expired_hold_is_released_by_the_sweeper_and_can_no_longer_be_posted_or_voided() throws Exception {
        long id = hold(30, Duration.ofMillis(50));
        Thread.sleep(100);
        assertEquals("HOLD_EXPIRED", failure(() -> tx.inNew(() -> ledger.postHold(id, 30, "till"))).code());
        assertEquals("HOLD_EXPIRED", failure(() -> tx.inNew(() -> ledger.voidHold(id, "till"))).code());
        assertEquals(30, Api.balance(volunteer, "points.pending"), "the sweeper releases it, not a refused void");

        assertTrue(housekeeping.expireHolds() >= 1);

        assertEquals(100, Api.balance(volunteer, "points.available"));
        assertEquals(0, Api.balance(volunteer, "points.pending"));
        assertEquals("HOLD_EXPIRED", failure(() -> tx.inNew(() -> ledger.voidHold(id, "till"))).code());
        assertEquals("HOLD_EXPIRED", failure(() -> tx.inNew(() -> ledger.postHold(id, 30, "till"))).code());
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void a_hold_cannot_reserve_more_than_is_available() {
        hold(80, Duration.ofMinutes(5));
        assertEquals("INSUFFICIENT_POINTS", org.timebank.common.SqlErrors.translate(
                assertThrows(RuntimeException.class, () -> hold(21, Duration.ofMinutes(5)))).code());
        assertEquals(20, Api.balance(volunteer, "points.available"));
    }

    @Test
    void posting_more_than_was_held_is_refused() {
        long id = hold(30, Duration.ofMinutes(5));
        assertEquals("HOLD_AMOUNT_INVALID", failure(() -> tx.inNew(() -> ledger.postHold(id, 31, "till"))).code());
        assertEquals(30, Api.balance(volunteer, "points.pending"));
    }
}
