package org.timebank.hours;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.timebank.hours.HourClaimFixtures.approve;
import static org.timebank.hours.HourClaimFixtures.assertBalance;
import static org.timebank.hours.HourClaimFixtures.claim;
import static org.timebank.hours.HourClaimFixtures.decide;
import static org.timebank.hours.HourClaimFixtures.historyKinds;
import static org.timebank.hours.HourClaimFixtures.postingTo;
import static org.timebank.hours.HourClaimFixtures.postings;
import static org.timebank.hours.HourClaimFixtures.putRules;
import static org.timebank.hours.HourClaimFixtures.read;
import static org.timebank.hours.HourClaimFixtures.reverse;
import static org.timebank.hours.HourClaimFixtures.rules;
import static org.timebank.hours.HourClaimFixtures.staffOf;
import static org.timebank.hours.HourClaimFixtures.staffWhoIs;
import static org.timebank.hours.HourClaimFixtures.status;
import static org.timebank.hours.HourClaimFixtures.submit;
import static org.timebank.hours.HourClaimFixtures.transaction;
import static org.timebank.hours.HourClaimFixtures.yesterday;
import static org.timebank.support.Api.as;
import static org.timebank.support.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.timebank.ledger.LedgerAccounts;
import org.timebank.ledger.LedgerHousekeeping;
import org.timebank.support.Api;
import org.timebank.support.LedgerChecks;
import org.timebank.support.Tokens;

/** Undoing an approved claim: what is still there is taken back, what is gone is owed, and repaid first. */
@QuarkusTest
class HourClaimReversalTest {
    @Inject
    LedgerHousekeeping housekeeping;
    @Inject
    LedgerAccounts accounts;

    /** A volunteer of a fresh tree converting at 6 points an hour, with an approved claim of two hours (12 points). */
    private record Approved(Api.Tree t, Api.Volunteer v, long claimId, long transactionId, String staff) {}

    private static Approved approvedTwoHours() {
        Api.Tree t = Api.tree();
        putRules(t.city(), rules("DEFAULT", 6));
        Api.Volunteer v = Api.volunteer(t.community());
        long id = claim(v, yesterday(9, 0), yesterday(11, 0));
        String staff = staffOf(t.street());
        long tx = approve(staff, id).getLong("transactionId");
        assertBalance(v, "points.available", 12);
        return new Approved(t, v, id, tx, staff);
    }

    private List<String> accountsOf(Api.Volunteer v) {
        return accounts.ofVolunteer(v.id()).stream().map(a -> a.asset() + " " + a.purpose()).sorted().toList();
    }

    @Test
    void an_approval_opens_no_debt_accounts_and_a_reversal_that_leaves_a_debt_opens_them() {
        Approved a = approvedTwoHours();
        // nothing is owed, so there is no debt account to repay into: an approval writes none
        assertEquals(List.of("HOURS VOLUNTEER_WALLET", "POINTS VOLUNTEER_WALLET"), accountsOf(a.v()));
        spend(a.v().pointsAccount(), 8);
        reverse(a.staff(), a.claimId(), "hours entered for the wrong volunteer").then().statusCode(200)
                .body("pointsOwed", equalTo(8));
        assertEquals(List.of("HOURS VOLUNTEER_DEBT", "HOURS VOLUNTEER_WALLET", "POINTS VOLUNTEER_DEBT",
                "POINTS VOLUNTEER_WALLET"), accountsOf(a.v()));
    }

    private static void spend(long accountId, long amount) {
        Api.adjust(accountId, "DEBIT", amount).statusCode(201);
    }

    @Test
    void reversing_a_claim_whose_points_were_partly_spent_empties_the_wallet_and_the_rest_is_owed() {
        Approved a = approvedTwoHours();
        spend(a.v().pointsAccount(), 8);

        JsonPath reversed = reverse(a.staff(), a.claimId(), "hours entered for the wrong volunteer").then()
                .statusCode(200)
                .body("claim.status", equalTo("REVERSED"))
                .body("claim.transactionId", equalTo((int) a.transactionId()))
                .body("pointsOwed", equalTo(8))
                .body("minutesOwed", equalTo(0))
                .extract().jsonPath();

        // the 4 points left are taken back, never more: the wallet ends at 0, not negative
        assertBalance(a.v(), "points.available", 0, "points.posted", 0, "points.owed", 8, "hours.minutes", 0,
                "hours.owedMinutes", 0);
        long reversal = reversed.getLong("claim.reversalId");
        JsonPath journal = transaction(reversal);
        assertEquals("REVERSAL", journal.getString("kind"));
        assertEquals(a.transactionId(), journal.getLong("reversesId"));
        assertEquals("hours entered for the wrong volunteer", journal.getString("memo"));
        assertEquals(-4L, postings(reversal).get(a.v().pointsAccount()));
        assertEquals(-120L, postings(reversal).get(a.v().hoursAccount()));
        assertEquals(-8L, postingTo(reversal, "POINTS", "VOLUNTEER_DEBT"));
        assertEquals(reversal, transaction(a.transactionId()).getLong("reversedById"));
        assertEquals(List.of("REVERSAL", "ADJUSTMENT", "APPROVAL"), historyKinds(a.v().id()));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void new_points_repay_the_debt_first_and_only_the_remainder_reaches_the_wallet() {
        Approved a = approvedTwoHours();
        spend(a.v().pointsAccount(), 8);
        assertProblem(submit(a.v(), yesterday(9, 0), yesterday(10, 0)), 409, "CLAIM_OVERLAPS");
        reverse(a.staff(), a.claimId(), "entered twice").then().statusCode(200);

        // the reversed claim's period is free again
        long first = claim(a.v(), yesterday(9, 0), yesterday(10, 0));
        long tx1 = approve(a.staff(), first).getLong("transactionId");

        // 6 new points repay 6 of the 8 owed; no hours are owed, so all 60 minutes are credited
        assertBalance(a.v(), "points.owed", 2, "points.available", 0, "hours.minutes", 60);
        assertEquals(6L, postingTo(tx1, "POINTS", "VOLUNTEER_DEBT"));
        assertNull(postings(tx1).get(a.v().pointsAccount()));

        long second = claim(a.v(), yesterday(10, 0), yesterday(11, 0));
        long tx2 = approve(a.staff(), second).getLong("transactionId");

        // 6 new points: 2 repay the rest of the debt, 4 reach the wallet
        assertBalance(a.v(), "points.owed", 0, "points.available", 4);
        assertEquals(2L, postingTo(tx2, "POINTS", "VOLUNTEER_DEBT"));
        assertEquals(4L, postings(tx2).get(a.v().pointsAccount()));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void with_nothing_left_everything_is_owed_in_each_asset_and_repaid_first_from_new_hours() {
        Approved a = approvedTwoHours();
        spend(a.v().pointsAccount(), 12);
        spend(a.v().hoursAccount(), 30);

        reverse(a.staff(), a.claimId(), "no such activity took place").then().statusCode(200)
                .body("pointsOwed", equalTo(12))
                .body("minutesOwed", equalTo(30));

        assertBalance(a.v(), "points.available", 0, "points.posted", 0, "points.owed", 12, "hours.minutes", 0,
                "hours.owedMinutes", 30);

        approve(a.staff(), claim(a.v(), yesterday(13, 0), yesterday(14, 0)));

        // 60 new minutes: 30 repay the hours owed; 6 new points repay half the 12 points owed
        assertBalance(a.v(), "hours.minutes", 30, "hours.owedMinutes", 0, "points.owed", 6, "points.available", 0);
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void reversing_a_claim_whose_points_are_all_still_there_owes_nothing() {
        Approved a = approvedTwoHours();

        reverse(a.staff(), a.claimId(), "entered twice").then().statusCode(200)
                .body("pointsOwed", equalTo(0)).body("minutesOwed", equalTo(0));

        assertBalance(a.v(), "points.available", 0, "points.owed", 0, "hours.minutes", 0);
        assertEquals(List.of("REVERSAL", "APPROVAL"), historyKinds(a.v().id()));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void reversing_the_approval_that_repaid_a_debt_makes_it_owed_again() {
        Approved a = approvedTwoHours();
        spend(a.v().pointsAccount(), 8);
        reverse(a.staff(), a.claimId(), "entered twice").then().statusCode(200);
        long repaying = claim(a.v(), yesterday(9, 0), yesterday(10, 0));
        approve(a.staff(), repaying);
        assertBalance(a.v(), "points.owed", 2);

        reverse(a.staff(), repaying, "also entered twice").then().statusCode(200).body("pointsOwed", equalTo(0));

        assertBalance(a.v(), "points.owed", 8, "points.available", 0);
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void a_claim_is_reversed_at_most_once() {
        Approved a = approvedTwoHours();
        spend(a.v().pointsAccount(), 5);
        reverse(a.staff(), a.claimId(), "entered twice").then().statusCode(200);

        assertProblem(reverse(a.staff(), a.claimId(), "entered twice"), 409, "CLAIM_ALREADY_REVERSED");
        assertProblem(reverse(Tokens.admin(), a.claimId(), "really"), 409, "CLAIM_ALREADY_REVERSED");

        assertBalance(a.v(), "points.owed", 5);
        assertEquals(List.of("REVERSAL", "ADJUSTMENT", "APPROVAL"), historyKinds(a.v().id()));
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void only_an_approved_claim_can_be_reversed() {
        Api.Tree t = Api.tree();
        putRules(t.city(), rules("DEFAULT", 6));
        Api.Volunteer v = Api.volunteer(t.community());
        String staff = staffOf(t.street());
        long pending = claim(v, yesterday(9, 0), yesterday(10, 0));
        long rejected = claim(v, yesterday(10, 0), yesterday(11, 0));
        long awaiting = claim(v, yesterday(11, 0), yesterday(20, 0));
        decide(staff, rejected, "REJECT", "duplicate").then().statusCode(200);
        approve(staff, awaiting);

        assertProblem(reverse(staff, pending, "mistake"), 409, "CLAIM_NOT_APPROVED");
        assertProblem(reverse(staff, rejected, "mistake"), 409, "CLAIM_NOT_APPROVED");
        assertProblem(reverse(staff, awaiting, "mistake"), 409, "CLAIM_NOT_APPROVED");

        assertEquals("PENDING", status(pending));
        assertEquals("AWAITING_SECOND_REVIEW", status(awaiting));
        assertEquals(List.of(), historyKinds(v.id()));
    }

    @Test
    void an_approval_cannot_be_undone_by_the_generic_ledger_reversal() {
        Approved a = approvedTwoHours();

        assertProblem(as(Tokens.admin()).header("Idempotency-Key", Api.key()).body(Map.of("reason", "mistake"))
                .post("/api/v1/ledger/transactions/" + a.transactionId() + "/reversal"), 422,
                "CLAIM_REVERSAL_REQUIRED");

        assertEquals("APPROVED", status(a.claimId()));
        assertBalance(a.v(), "points.available", 12, "hours.minutes", 120);
        assertNull(transaction(a.transactionId()).get("reversedById"));
        // and the claim's own reversal still works afterwards
        reverse(a.staff(), a.claimId(), "mistake").then().statusCode(200);
        LedgerChecks.assertLedgerSound(housekeeping);
    }

    @Test
    void staff_in_scope_and_admins_reverse_but_not_volunteers_other_streets_or_the_volunteer_as_staff() {
        Approved a = approvedTwoHours();
        Api.Tree other = Api.tree();

        assertProblem(reverse(Tokens.volunteer(a.v().id()), a.claimId(), "mine"), 403, "FORBIDDEN");
        assertProblem(reverse(staffOf(other.street()), a.claimId(), "not mine"), 404, "CLAIM_NOT_FOUND");
        assertProblem(reverse(staffWhoIs(a.v(), a.t().street()), a.claimId(), "my own"), 403, "OWN_CLAIM");
        assertProblem(as(a.staff()).body(Map.of()).post("/api/v1/hour-claims/" + a.claimId() + "/reversal"), 400,
                "VALIDATION_FAILED");
        assertEquals("APPROVED", status(a.claimId()));
        assertBalance(a.v(), "points.available", 12);

        reverse(Tokens.admin(), a.claimId(), "entered for the wrong volunteer").then().statusCode(200)
                .body("claim.status", equalTo("REVERSED"));
        assertEquals("REVERSED", read(a.claimId()).getString("status"));
        LedgerChecks.assertLedgerSound(housekeeping);
    }
}
