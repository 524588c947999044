package org.timebank.hours.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.timebank.ledger.domain.Phase;
import org.timebank.ledger.domain.Posting;

/**
 * The postings of an approved claim, and of its reversal. Rules, in order:
 * <ol>
 * <li>The community's issuance account gives the credited minutes, and the points come from its
 *     budget when it has one, else from its issuance account.</li>
 * <li>A cap on stored hours keeps the volunteer's HOURS wallet at most at the cap; what is over it
 *     goes to the community's hours pool, or the approval is refused, as the region configures.</li>
 * <li>A debt left by an earlier reversal is repaid first, per asset, from what the volunteer earns.</li>
 * <li>A reversal takes back from the wallets what is still there; what was already spent or given
 *     away becomes a debt (a debit of the volunteer's debt account), never a negative wallet.</li>
 * </ol>
 */
public final class ApprovalPostings {
    private ApprovalPostings() {}

    /** The accounts an approval touches. */
    public record Accounts(long hoursWallet, long pointsWallet, long hoursDebt, long pointsDebt, long hoursIssuance,
                           long pointsSource, long hoursPool) {}

    /** The volunteer's position before the approval: stored minutes, and what is owed per asset. */
    public record Standing(long hoursBalance, long hoursOwed, long pointsOwed) {}

    public sealed interface Outcome permits Post, Refused {}

    public record Post(List<Posting> postings, long minutesToVolunteer, long minutesToPool, long pointsToVolunteer,
                       long minutesRepaid, long pointsRepaid) implements Outcome {}

    /** HOURS_CAP_REACHED (the region refuses over-cap hours) or CLAIM_BELOW_GRANULARITY (nothing to credit). */
    public record Refused(String code) implements Outcome {}

    public static Outcome approve(long creditedMinutes, long points, Accounts a, Standing s, Long capMinutes,
                                  OverCap overCap) {
        if (creditedMinutes <= 0) {
            return new Refused("CLAIM_BELOW_GRANULARITY");
        }
        long toVolunteer = capMinutes == null ? creditedMinutes
                : Math.max(0, Math.min(creditedMinutes, capMinutes - s.hoursBalance()));
        long overCapMinutes = creditedMinutes - toVolunteer;
        if (overCapMinutes > 0 && overCap == OverCap.REFUSE) {
            return new Refused("HOURS_CAP_REACHED");
        }
        long minutesRepaid = Math.min(s.hoursOwed(), toVolunteer);
        long pointsRepaid = Math.min(s.pointsOwed(), points);

        Map<Long, Long> lines = new LinkedHashMap<>();
        add(lines, a.hoursIssuance(), -creditedMinutes);
        add(lines, a.hoursWallet(), toVolunteer - minutesRepaid);
        add(lines, a.hoursDebt(), minutesRepaid);
        add(lines, a.hoursPool(), overCapMinutes);
        if (points > 0) {
            add(lines, a.pointsSource(), -points);
            add(lines, a.pointsWallet(), points - pointsRepaid);
            add(lines, a.pointsDebt(), pointsRepaid);
        }
        return new Post(postings(lines), toVolunteer - minutesRepaid, overCapMinutes, points - pointsRepaid,
                minutesRepaid, pointsRepaid);
    }

    /**
     * The reversal of an approval's postings. The volunteer's wallets give back what they still
     * hold (available, per asset); the rest is debited to the debt accounts.
     */
    public static List<Posting> reverse(List<Posting> approval, Accounts a, long availableMinutes,
                                        long availablePoints) {
        Map<Long, Long> lines = new LinkedHashMap<>();
        for (Posting p : approval) {
            if (p.phase() != Phase.POSTED) {
                throw new IllegalArgumentException("an approval posts; it holds nothing");
            }
            long back = -p.amount();
            boolean hoursWallet = p.accountId() == a.hoursWallet();
            boolean pointsWallet = p.accountId() == a.pointsWallet();
            if ((hoursWallet || pointsWallet) && back < 0) {
                long available = Math.max(0, hoursWallet ? availableMinutes : availablePoints);
                long fromWallet = Math.min(-back, available);
                add(lines, p.accountId(), -fromWallet);
                add(lines, hoursWallet ? a.hoursDebt() : a.pointsDebt(), -(-back - fromWallet));
            } else {
                add(lines, p.accountId(), back);
            }
        }
        return postings(lines);
    }

    private static void add(Map<Long, Long> lines, long account, long amount) {
        if (amount != 0) {
            lines.merge(account, amount, Math::addExact);
        }
    }

    private static List<Posting> postings(Map<Long, Long> lines) {
        List<Posting> postings = new ArrayList<>();
        lines.forEach((account, amount) -> {
            if (amount != 0) {
                postings.add(new Posting(account, Phase.POSTED, amount));
            }
        });
        return postings;
    }
}
