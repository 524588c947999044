package org.timebank.hours.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.timebank.ledger.domain.Asset;
import org.timebank.ledger.domain.Phase;
import org.timebank.ledger.domain.Posting;

class ApprovalPostingsTest {
    private static final long HOURS_WALLET = 1, POINTS_WALLET = 2, HOURS_DEBT = 3, POINTS_DEBT = 4,
            HOURS_ISSUANCE = 5, POINTS_SOURCE = 6, HOURS_POOL = 7;
    private static final ApprovalPostings.Accounts ACCOUNTS = new ApprovalPostings.Accounts(HOURS_WALLET,
            POINTS_WALLET, HOURS_DEBT, POINTS_DEBT, HOURS_ISSUANCE, POINTS_SOURCE, HOURS_POOL);
    private static final Map<Long, Asset> ASSET = Map.of(HOURS_WALLET, Asset.HOURS, HOURS_DEBT, Asset.HOURS,
            HOURS_ISSUANCE, Asset.HOURS, HOURS_POOL, Asset.HOURS, POINTS_WALLET, Asset.POINTS, POINTS_DEBT,
            Asset.POINTS, POINTS_SOURCE, Asset.POINTS);
    private static final ApprovalPostings.Standing CLEAN = new ApprovalPostings.Standing(0, 0, 0);

    /** account id -> signed amount (credit > 0), one line per account. */
    private static Map<Long, Long> lines(List<Posting> postings) {
        Map<Long, Long> lines = new TreeMap<>();
        for (Posting p : postings) {
            assertEquals(Phase.POSTED, p.phase());
            assertEquals(null, lines.put(p.accountId(), p.amount()), "account " + p.accountId() + " appears twice");
        }
        return lines;
    }

    private static void assertBalancedPerAsset(List<Posting> postings) {
        Map<Asset, Long> sums = new TreeMap<>();
        for (Posting p : postings) {
            sums.merge(ASSET.get(p.accountId()), p.amount(), Long::sum);
        }
        sums.forEach((asset, sum) -> assertEquals(0L, sum, asset + " does not balance: " + postings));
    }

    private static ApprovalPostings.Post post(ApprovalPostings.Outcome outcome) {
        ApprovalPostings.Post post = assertInstanceOf(ApprovalPostings.Post.class, outcome);
        assertBalancedPerAsset(post.postings());
        return post;
    }

    private static ApprovalPostings.Post approve(long minutes, long points, ApprovalPostings.Standing standing) {
        return post(ApprovalPostings.approve(minutes, points, ACCOUNTS, standing, null, null));
    }

    private static ApprovalPostings.Outcome capped(long minutes, long balance, long cap, OverCap overCap) {
        return ApprovalPostings.approve(minutes, 15, ACCOUNTS, new ApprovalPostings.Standing(balance, 0, 0), cap,
                overCap);
    }

    // ---- approval ----

    @Test
    void an_approval_moves_minutes_from_issuance_and_points_from_the_source_to_the_wallets() {
        ApprovalPostings.Post post = approve(150, 15, CLEAN);

        assertEquals(Map.of(HOURS_ISSUANCE, -150L, HOURS_WALLET, 150L, POINTS_SOURCE, -15L, POINTS_WALLET, 15L),
                lines(post.postings()));
        assertEquals(150, post.minutesToVolunteer());
        assertEquals(15, post.pointsToVolunteer());
        assertEquals(0, post.minutesToPool());
        assertEquals(0, post.minutesRepaid());
        assertEquals(0, post.pointsRepaid());
    }

    @Test
    void an_approval_that_earns_no_points_posts_only_hours() {
        ApprovalPostings.Post post = approve(60, 0, CLEAN);

        assertEquals(Map.of(HOURS_ISSUANCE, -60L, HOURS_WALLET, 60L), lines(post.postings()));
        assertEquals(0, post.pointsToVolunteer());
    }

    @Test
    void nothing_credited_is_refused_as_below_the_granularity() {
        ApprovalPostings.Refused refused = assertInstanceOf(ApprovalPostings.Refused.class,
                ApprovalPostings.approve(0, 0, ACCOUNTS, CLEAN, null, null));

        assertEquals("CLAIM_BELOW_GRANULARITY", refused.code());
    }

    @Test
    void below_the_cap_every_minute_goes_to_the_volunteer() {
        ApprovalPostings.Post post = post(capped(150, 800, 1000, OverCap.DONATE_TO_POOL));

        assertEquals(Map.of(HOURS_ISSUANCE, -150L, HOURS_WALLET, 150L, POINTS_SOURCE, -15L, POINTS_WALLET, 15L),
                lines(post.postings()));
        assertEquals(0, post.minutesToPool());
    }

    @Test
    void an_approval_that_reaches_the_cap_exactly_donates_nothing() {
        ApprovalPostings.Post post = post(capped(150, 850, 1000, OverCap.DONATE_TO_POOL));

        assertEquals(150, post.minutesToVolunteer());
        assertEquals(0, post.minutesToPool());
        assertEquals(null, lines(post.postings()).get(HOURS_POOL));
    }

    @Test
    void an_approval_that_reaches_the_cap_exactly_is_not_refused() {
        ApprovalPostings.Post post = post(capped(150, 850, 1000, OverCap.REFUSE));

        assertEquals(150, post.minutesToVolunteer());
    }

    @Test
    void minutes_crossing_the_cap_are_split_between_the_volunteer_and_the_pool() {
        ApprovalPostings.Post post = post(capped(150, 900, 1000, OverCap.DONATE_TO_POOL));

        assertEquals(Map.of(HOURS_ISSUANCE, -150L, HOURS_WALLET, 100L, HOURS_POOL, 50L, POINTS_SOURCE, -15L,
                POINTS_WALLET, 15L), lines(post.postings()));
        assertEquals(100, post.minutesToVolunteer());
        assertEquals(50, post.minutesToPool());
        assertEquals(15, post.pointsToVolunteer(), "the cap limits stored hours, not points");
    }

    @Test
    void at_the_cap_every_minute_goes_to_the_pool() {
        ApprovalPostings.Post post = post(capped(150, 1000, 1000, OverCap.DONATE_TO_POOL));

        Map<Long, Long> lines = lines(post.postings());
        assertEquals(150L, lines.get(HOURS_POOL));
        assertEquals(null, lines.get(HOURS_WALLET));
    }

    @Test
    void above_a_lowered_cap_the_volunteer_keeps_what_they_have_and_gets_nothing_more() {
        ApprovalPostings.Post post = post(capped(150, 1200, 1000, OverCap.DONATE_TO_POOL));

        assertEquals(0, post.minutesToVolunteer());
        assertEquals(150, post.minutesToPool());
        assertEquals(null, lines(post.postings()).get(HOURS_WALLET));
    }

    @Test
    void crossing_the_cap_where_the_region_refuses_over_cap_hours_is_refused() {
        ApprovalPostings.Refused refused = assertInstanceOf(ApprovalPostings.Refused.class,
                capped(150, 900, 1000, OverCap.REFUSE));

        assertEquals("HOURS_CAP_REACHED", refused.code());
    }

    @Test
    void a_debt_is_repaid_first_in_each_asset() {
        ApprovalPostings.Post post = approve(150, 15, new ApprovalPostings.Standing(0, 40, 5));

        assertEquals(Map.of(HOURS_ISSUANCE, -150L, HOURS_WALLET, 110L, HOURS_DEBT, 40L, POINTS_SOURCE, -15L,
                POINTS_WALLET, 10L, POINTS_DEBT, 5L), lines(post.postings()));
        assertEquals(40, post.minutesRepaid());
        assertEquals(5, post.pointsRepaid());
        assertEquals(110, post.minutesToVolunteer());
        assertEquals(10, post.pointsToVolunteer());
    }

    @Test
    void a_debt_larger_than_the_earnings_takes_all_of_them_and_the_wallets_get_nothing() {
        ApprovalPostings.Post post = approve(150, 15, new ApprovalPostings.Standing(0, 500, 100));

        assertEquals(Map.of(HOURS_ISSUANCE, -150L, HOURS_DEBT, 150L, POINTS_SOURCE, -15L, POINTS_DEBT, 15L),
                lines(post.postings()));
        assertEquals(0, post.minutesToVolunteer());
        assertEquals(0, post.pointsToVolunteer());
    }

    @Test
    void a_points_debt_alone_leaves_the_hours_untouched() {
        ApprovalPostings.Post post = approve(150, 15, new ApprovalPostings.Standing(0, 0, 8));

        assertEquals(Map.of(HOURS_ISSUANCE, -150L, HOURS_WALLET, 150L, POINTS_SOURCE, -15L, POINTS_WALLET, 7L,
                POINTS_DEBT, 8L), lines(post.postings()));
    }

    @Test
    void over_the_cap_only_what_the_volunteer_keeps_repays_an_hours_debt() {
        ApprovalPostings.Post post = post(ApprovalPostings.approve(150, 15, ACCOUNTS,
                new ApprovalPostings.Standing(950, 30, 0), 1000L, OverCap.DONATE_TO_POOL));

        assertEquals(Map.of(HOURS_ISSUANCE, -150L, HOURS_WALLET, 20L, HOURS_DEBT, 30L, HOURS_POOL, 100L,
                POINTS_SOURCE, -15L, POINTS_WALLET, 15L), lines(post.postings()));
    }

    // ---- reversal ----

    private static final List<Posting> APPROVAL = approve(150, 15, CLEAN).postings();

    @Test
    void a_reversal_takes_everything_back_when_the_volunteer_still_holds_it() {
        List<Posting> reversal = ApprovalPostings.reverse(APPROVAL, ACCOUNTS, 150, 15);

        assertEquals(Map.of(HOURS_ISSUANCE, 150L, HOURS_WALLET, -150L, POINTS_SOURCE, 15L, POINTS_WALLET, -15L),
                lines(reversal));
        assertBalancedPerAsset(reversal);
    }

    @Test
    void a_wallet_holding_more_than_the_approval_gave_gives_back_only_the_approval() {
        List<Posting> reversal = ApprovalPostings.reverse(APPROVAL, ACCOUNTS, 1000, 400);

        assertEquals(-15L, lines(reversal).get(POINTS_WALLET));
        assertEquals(-150L, lines(reversal).get(HOURS_WALLET));
    }

    @Test
    void points_already_partly_spent_are_taken_back_as_far_as_possible_and_the_rest_is_owed() {
        List<Posting> reversal = ApprovalPostings.reverse(APPROVAL, ACCOUNTS, 150, 6);

        assertEquals(Map.of(HOURS_ISSUANCE, 150L, HOURS_WALLET, -150L, POINTS_SOURCE, 15L, POINTS_WALLET, -6L,
                POINTS_DEBT, -9L), lines(reversal));
        assertBalancedPerAsset(reversal);
    }

    @Test
    void with_nothing_left_in_the_wallets_everything_is_owed() {
        List<Posting> reversal = ApprovalPostings.reverse(APPROVAL, ACCOUNTS, 0, 0);

        assertEquals(Map.of(HOURS_ISSUANCE, 150L, HOURS_DEBT, -150L, POINTS_SOURCE, 15L, POINTS_DEBT, -15L),
                lines(reversal));
        assertBalancedPerAsset(reversal);
    }

    @Test
    void a_negative_available_amount_counts_as_nothing_available() {
        List<Posting> reversal = ApprovalPostings.reverse(APPROVAL, ACCOUNTS, -5, -5);

        assertEquals(null, lines(reversal).get(POINTS_WALLET));
        assertEquals(-15L, lines(reversal).get(POINTS_DEBT));
        assertBalancedPerAsset(reversal);
    }

    @Test
    void a_debt_repaid_by_the_approval_is_owed_again_after_its_reversal() {
        List<Posting> approval = approve(150, 15, new ApprovalPostings.Standing(0, 40, 5)).postings();

        List<Posting> reversal = ApprovalPostings.reverse(approval, ACCOUNTS, 110, 10);

        assertEquals(Map.of(HOURS_ISSUANCE, 150L, HOURS_WALLET, -110L, HOURS_DEBT, -40L, POINTS_SOURCE, 15L,
                POINTS_WALLET, -10L, POINTS_DEBT, -5L), lines(reversal));
        assertBalancedPerAsset(reversal);
    }

    @Test
    void a_repaid_debt_and_a_new_shortfall_are_one_debit_of_the_debt_account() {
        List<Posting> approval = approve(150, 15, new ApprovalPostings.Standing(0, 0, 5)).postings();

        List<Posting> reversal = ApprovalPostings.reverse(approval, ACCOUNTS, 150, 4);

        // the approval gave the wallet 10 and the debt 5; the wallet gives back 4, so 6 + 5 are owed
        assertEquals(Map.of(HOURS_ISSUANCE, 150L, HOURS_WALLET, -150L, POINTS_SOURCE, 15L, POINTS_WALLET, -4L,
                POINTS_DEBT, -11L), lines(reversal));
        assertBalancedPerAsset(reversal);
    }

    @Test
    void minutes_donated_over_the_cap_come_back_from_the_pool() {
        List<Posting> approval = post(capped(150, 900, 1000, OverCap.DONATE_TO_POOL)).postings();

        List<Posting> reversal = ApprovalPostings.reverse(approval, ACCOUNTS, 1000, 15);

        assertEquals(Map.of(HOURS_ISSUANCE, 150L, HOURS_WALLET, -100L, HOURS_POOL, -50L, POINTS_SOURCE, 15L,
                POINTS_WALLET, -15L), lines(reversal));
        assertBalancedPerAsset(reversal);
    }

    @Test
    void an_approval_and_its_reversal_cancel_out_on_every_account_but_the_debt() {
        List<Posting> reversal = ApprovalPostings.reverse(APPROVAL, ACCOUNTS, 100, 6);

        Map<Long, Long> net = new TreeMap<>();
        APPROVAL.forEach(p -> net.merge(p.accountId(), p.amount(), Long::sum));
        reversal.forEach(p -> net.merge(p.accountId(), p.amount(), Long::sum));
        assertEquals(0L, net.get(HOURS_ISSUANCE));
        assertEquals(0L, net.get(POINTS_SOURCE));
        assertEquals(50L, net.get(HOURS_WALLET), "the 50 minutes already gone left through other transactions");
        assertEquals(-50L, net.get(HOURS_DEBT));
        assertEquals(9L, net.get(POINTS_WALLET));
        assertEquals(-9L, net.get(POINTS_DEBT));
    }

    @Test
    void an_approval_never_holds_so_a_pending_posting_cannot_be_reversed() {
        List<Posting> held = List.of(new Posting(POINTS_SOURCE, Phase.PENDING, -15),
                new Posting(POINTS_WALLET, Phase.PENDING, 15));

        assertThrows(IllegalArgumentException.class, () -> ApprovalPostings.reverse(held, ACCOUNTS, 0, 0));
    }
}
