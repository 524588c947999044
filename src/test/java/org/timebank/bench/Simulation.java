package org.timebank.bench;

import static org.timebank.bench.City.DAY;
import static org.timebank.bench.City.HOUR;
import static org.timebank.bench.City.MINUTE;
import static org.timebank.bench.City.SECOND;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.timebank.hours.domain.ApprovalPostings;
import org.timebank.hours.domain.ConversionRuleSet;
import org.timebank.ledger.domain.AccountPurpose;
import org.timebank.ledger.domain.Asset;
import org.timebank.ledger.domain.Entry;
import org.timebank.ledger.domain.Hold;
import org.timebank.ledger.domain.Posting;
import org.timebank.ledger.domain.TransactionKind;
import org.timebank.redemption.domain.PaymentCode;
import org.timebank.volunteer.PiiProtector;

/**
 * Plays the year in time order, one event at a time, and writes what the service would have
 * written: volunteers' wallets opened at registration, hour claims submitted and decided (an
 * approval posts exactly {@link ApprovalPostings}' postings under the {@link ConversionRuleSet} in
 * force), budgets funded monthly, redemptions at shops (captured at once, or held then captured or
 * voided), refunds, gifts, donations and a few reversals. Ids are handed out as the events happen,
 * so they increase with time, as they do in the service.
 */
final class Simulation {
    private static final String HOUR_CLAIM = "HOUR_CLAIM";
    private static final String REDEMPTION = "REDEMPTION";
    private static final String REGION = "REGION";
    private static final String VOLUNTEER = "VOLUNTEER";
    private static final long HOLD_TIMEOUT = 15 * MINUTE;
    private static final long PAYMENT_CODE_TTL = 2 * MINUTE;
    private static final long SECOND_REVIEW_ABOVE = 480;

    /** The tables the simulation streams into (besides the journal's three). */
    record Out(BinaryCopy claims, BinaryCopy shops, BinaryCopy items, BinaryCopy redemptions, BinaryCopy lines,
               BinaryCopy holds, BinaryCopy refunds, BinaryCopy refundLines, BinaryCopy paymentCodes) {}

    static final String CLAIM_COLUMNS = "id, volunteer_id, community_id, activity_id, category, description, starts_at, "
            + "ends_at, minutes, status, submitted_by, submitted_at, first_reviewer, first_reviewed_at, decided_by, "
            + "decided_at, reason, rule_set_id, credited_minutes, points, transaction_id, reversal_id";
    static final String SHOP_COLUMNS = "id, name, kind, region_id, settlement_account_id, created_by, created_at";
    static final String ITEM_COLUMNS = "id, shop_id, name, points_price, stock, active, updated_at";
    static final String REDEMPTION_COLUMNS = "id, shop_id, volunteer_id, mode, status, points, captured_points, "
            + "refunded_points, transaction_id, capture_transaction_id, created_by, created_at, resolved_at";
    static final String LINE_COLUMNS = "redemption_id, item_id, quantity, points_price, released_quantity, "
            + "refunded_quantity";
    static final String HOLD_COLUMNS = "id, debit_account_id, credit_account_id, amount, expires_at, status, "
            + "posted_amount, resolved_at";
    static final String REFUND_COLUMNS = "id, redemption_id, shop_id, points, transaction_id, created_by, created_at";
    static final String REFUND_LINE_COLUMNS = "refund_id, item_id, quantity";
    static final String PAYMENT_CODE_COLUMNS = "code_hash, volunteer_id, expires_at, used_at, shop_id, created_at";

    private final City city;
    private final Journal journal;
    private final Out out;
    private final PiiProtector hasher;
    private final SplittableRandom random;
    /** Rule sets by region id, newest effective first. */
    private final Map<Long, List<ConversionRuleSet>> rules;

    // accounts per community (0: not opened yet)
    private final long[] hoursIssuance;
    private final long[] pointsIssuance;
    private final long[] fund;
    private final long[] budget;
    private final long[] hoursPool;
    private final long[] pointsPool;
    private final long[] budgetSpent;
    // per volunteer
    private final long[] hoursWallet;
    private final long[] hoursDebt;
    private final int[] lastEndMinute;
    private final boolean[] redemptionPlanned;
    private final long[] shopSettlement;

    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private long eventSeq;
    private long claimIds;
    private long redemptionIds;
    private long refundIds;
    private int registered;

    // what happened, for the summary and progress lines
    volatile int day;
    private final Map<String, Long> counts = new HashMap<>();

    Simulation(City city, Journal journal, Out out, PiiProtector hasher, Map<Long, List<ConversionRuleSet>> rules,
               long seed) {
        this.city = city;
        this.journal = journal;
        this.out = out;
        this.hasher = hasher;
        this.rules = rules;
        this.random = new SplittableRandom(seed);
        int c = city.communities;
        hoursIssuance = new long[c];
        pointsIssuance = new long[c];
        fund = new long[c];
        budget = new long[c];
        hoursPool = new long[c];
        pointsPool = new long[c];
        budgetSpent = new long[c];
        hoursWallet = new long[city.volunteers];
        hoursDebt = new long[city.volunteers];
        lastEndMinute = new int[city.volunteers];
        redemptionPlanned = new boolean[city.volunteers];
        shopSettlement = new long[city.shops];
    }

    // ---- events ----

    private enum Type { SUBMIT, FIRST_REVIEW, DECIDE, REVERSE, SHOP, FUND, REDEEM, RESOLVE_HOLD, REFUND, GIFT, DONATE }

    private record Event(long at, long seq, Type type, int subject, Object detail) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            int c = Long.compare(at, o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private void schedule(long at, Type type, int subject, Object detail) {
        if (at < city.now) {
            events.add(new Event(at, eventSeq++, type, subject, detail));
        }
    }

    private static final class Claim {
        long id;
        int volunteer;
        int community;
        int category;
        String description;
        long startsAt;
        int minutes;
        String submittedBy;
        long submittedAt;
        String firstReviewer;
        Long firstReviewedAt;
        String decidedBy;
        Long decidedAt;
        String reason;
        String status = "PENDING";
        Integer ruleSetId;
        Long creditedMinutes;
        Long points;
        Long transactionId;
        Long reversalId;
        List<Posting> approval;
        ApprovalPostings.Accounts accounts;
        boolean approve;
        boolean reverse;
    }

    private static final class Redemption {
        long id;
        int shop;
        int volunteer;
        String mode = "CAPTURE";
        String status = "CAPTURED";
        long points;
        Long captured;
        long refunded;
        long transactionId;
        Long captureTransactionId;
        long createdAt;
        Long resolvedAt;
        long wallet;
        long postAmount;
        /** Per item: {item, quantity, released, refunded}, in item order; none for a redemption of points. */
        List<int[]> lines = List.of();
    }

    private record Refund(Redemption redemption, int item, long points) {}

    // ---- the year ----

    void run(long[] claimKeys) {
        openCommunities();
        for (int s = 0; s < city.shops; s++) {
            schedule(city.shopOpenedAt[s], Type.SHOP, s, null);
        }
        scheduleFundings();
        int next = 0;
        int genDay = 0;
        while (true) {
            long nextEvent = events.isEmpty() ? Long.MAX_VALUE : events.peek().at();
            long nextRegistration = registered < city.volunteers ? city.registeredAt[registered] : Long.MAX_VALUE;
            long genAt = genDay <= city.today ? city.start + genDay * DAY : Long.MAX_VALUE;
            if (genAt <= nextEvent && genAt <= nextRegistration) {
                if (genAt == Long.MAX_VALUE) {
                    break;
                }
                next = generateDay(genDay, claimKeys, next);
                day = genDay++;
            } else if (nextRegistration <= nextEvent) {
                register(registered++);
            } else {
                handle(events.poll());
            }
        }
    }

    private void count(String what) {
        counts.merge(what, 1L, Long::sum);
    }

    private void openCommunities() {
        for (int c = 0; c < city.communities; c++) {
            long at = city.communityCreatedAt(c);
            hoursIssuance[c] = journal.open(AccountPurpose.COMMUNITY_ISSUANCE, Asset.HOURS, REGION, city.communityId(c), at);
            pointsIssuance[c] = journal.open(AccountPurpose.COMMUNITY_ISSUANCE, Asset.POINTS, REGION, city.communityId(c), at);
        }
    }

    private void register(int v) {
        long at = city.registeredAt[v];
        hoursWallet[v] = journal.open(AccountPurpose.VOLUNTEER_WALLET, Asset.HOURS, VOLUNTEER, v + 1, at);
        journal.open(AccountPurpose.VOLUNTEER_WALLET, Asset.POINTS, VOLUNTEER, v + 1, at);
    }

    private long pointsWallet(int v) {
        return hoursWallet[v] + 1;
    }

    private void handle(Event e) {
        switch (e.type()) {
            case SUBMIT -> submit((Claim) e.detail(), e.at());
            case FIRST_REVIEW -> firstReview((Claim) e.detail(), e.at());
            case DECIDE -> decide((Claim) e.detail(), e.at());
            case REVERSE -> reverse((Claim) e.detail(), e.at());
            case SHOP -> openShop(e.subject(), e.at());
            case FUND -> fund(e.subject(), e.at(), (Boolean) e.detail());
            case REDEEM -> redeem(e.subject(), e.at());
            case RESOLVE_HOLD -> resolveHold((Redemption) e.detail(), e.at());
            case REFUND -> refund((Refund) e.detail(), e.at());
            case GIFT -> gift(e.subject(), e.at());
            case DONATE -> donate(e.subject(), e.at());
        }
    }

    // ---- claims ----

    /**
     * How many claims each volunteer makes in the year and on which days: keys (day << 32 | volunteer),
     * sorted. A few hundred core volunteers serve almost daily, a few percent regularly, most now and
     * then (a Zipf-like tail), over a quarter not at all.
     */
    static long[] claimDays(City city, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] n = new int[city.volunteers];
        long total = 0;
        for (int v = 0; v < city.volunteers; v++) {
            n[v] = switch (city.activity[v]) {
                case City.CORE -> 250 + random.nextInt(251);
                case City.REGULAR -> 12 + (int) (84 * Math.pow(random.nextDouble(), 1.5));
                case City.OCCASIONAL -> Math.min(40, (int) Math.pow(1 - random.nextDouble(), -1 / 1.6));
                default -> 0;
            };
            total += n[v];
        }
        long[] keys = new long[Math.toIntExact(total)];
        int k = 0;
        for (int v = 0; v < city.volunteers; v++) {
            int first = (int) ((city.registeredAt[v] - city.start) / DAY);
            int span = city.today - first + 1;
            for (int i = 0; i < n[v]; i++) {
                int d;
                do {
                    d = first + random.nextInt(span);
                } while (!weekend(city, d) && random.nextDouble() > 0.7);
                keys[k++] = (long) d << 32 | v;
            }
        }
        Arrays.parallelSort(keys);
        return keys;
    }

    private static boolean weekend(City city, int d) {
        long epochDay = Math.floorDiv(city.start + d * DAY + 8 * HOUR, DAY);
        int dow = (int) Math.floorMod(epochDay + 3, 7); // 0 = Monday
        return dow >= 5;
    }

    private static final int[] CATEGORY_WEIGHTS = Arrays.stream(Names.CATEGORIES).mapToInt(Names.Category::weight).toArray();
    private static final int[] DURATIONS = {30, 45, 60, 90, 120, 150, 180, 240, 300, 360, 420, 480, 540, 600, 720};
    private static final int[] DURATION_WEIGHTS = {40, 40, 180, 140, 220, 80, 120, 90, 40, 25, 10, 8, 4, 2, 1};

    private int generateDay(int d, long[] keys, int from) {
        long dayStart = city.start + d * DAY;
        int i = from;
        while (i < keys.length && (int) (keys[i] >>> 32) == d) {
            int v = (int) keys[i++];
            Claim c = new Claim();
            c.volunteer = v;
            int home = city.home[v];
            double where = random.nextDouble();
            if (where < 0.92) {
                c.community = home;
            } else if (where < 0.98) {
                int s = city.communityStreet[home];
                int first = city.streetFirstCommunity[s];
                c.community = first + random.nextInt(city.streetFirstCommunity[s + 1] - first);
            } else {
                c.community = random.nextInt(city.communities);
            }
            c.category = random.nextDouble() < 0.5 ? city.favouriteCategory[v] : City.weighted(CATEGORY_WEIGHTS, random);
            String[] descriptions = Names.CATEGORIES[c.category].descriptions();
            c.description = random.nextDouble() < 0.7 ? descriptions[random.nextInt(descriptions.length)] : null;
            int minutes = DURATIONS[City.weighted(DURATION_WEIGHTS, random)];
            boolean quarter = random.nextDouble() < 0.8;
            if (!quarter) {
                minutes = Math.max(30, minutes + random.nextInt(29) - 14);
            }
            // mostly between 8:00 and 18:00, after the volunteer's previous service and registration,
            // and over by 23:00 (long services start early)
            long startsAt = dayStart + 8 * HOUR + (quarter ? random.nextInt(40) * 15 * MINUTE : random.nextInt(600) * MINUTE);
            long earliest = Math.max(Math.max((long) lastEndMinute[v] * MINUTE + 30 * MINUTE,
                    city.registeredAt[v] + 10 * MINUTE), dayStart + 7 * HOUR);
            startsAt = Math.max(earliest, Math.min(startsAt, dayStart + 22 * HOUR - minutes * MINUTE));
            startsAt = (startsAt + 15 * MINUTE - 1) / (15 * MINUTE) * (15 * MINUTE);
            long endsAt = startsAt + minutes * MINUTE;
            if (endsAt > dayStart + 23 * HOUR) {
                count("claims dropped (no room that day)");
                continue;
            }
            c.startsAt = startsAt;
            c.minutes = minutes;
            lastEndMinute[v] = (int) (endsAt / MINUTE);
            double late = random.nextDouble();
            c.submittedAt = endsAt + (late < 0.7 ? 5 * MINUTE + random.nextLong(3 * HOUR)
                    : late < 0.95 ? 3 * HOUR + random.nextLong(3 * DAY) : 3 * DAY + random.nextLong(17 * DAY));
            c.submittedBy = random.nextDouble() < 0.85 ? Long.toString(v + 1)
                    : city.communityStaff(c.community, 1 + random.nextInt(3));
            schedule(c.submittedAt, Type.SUBMIT, v, c);
        }
        return i;
    }

    private String reviewer(int community, String not) {
        while (true) {
            String r = random.nextDouble() < 0.2 ? city.streetStaff(city.communityStreet[community])
                    : city.communityStaff(community, 1 + random.nextInt(3));
            if (!r.equals(not)) {
                return r;
            }
        }
    }

    private void submit(Claim c, long at) {
        c.id = ++claimIds;
        count("claims submitted");
        double review = random.nextDouble();
        long decideAt = at + (review < 0.5 ? 30 * MINUTE + random.nextLong(8 * HOUR)
                : review < 0.9 ? 8 * HOUR + random.nextLong(40 * HOUR) : 2 * DAY + random.nextLong(5 * DAY));
        c.approve = random.nextDouble() >= 0.03;
        if (c.minutes > SECOND_REVIEW_ABOVE && c.approve) {
            if (decideAt >= city.now) {
                writeClaim(c);
                return;
            }
            schedule(decideAt, Type.FIRST_REVIEW, c.volunteer, c);
            return;
        }
        if (decideAt >= city.now) {
            writeClaim(c);
            return;
        }
        schedule(decideAt, Type.DECIDE, c.volunteer, c);
    }

    private void firstReview(Claim c, long at) {
        c.status = "AWAITING_SECOND_REVIEW";
        c.firstReviewer = reviewer(c.community, null);
        c.firstReviewedAt = at - random.nextLong(50_000);
        long decideAt = at + HOUR + random.nextLong(2 * DAY);
        if (decideAt >= city.now) {
            writeClaim(c);
            return;
        }
        schedule(decideAt, Type.DECIDE, c.volunteer, c);
    }

    private void decide(Claim c, long at) {
        c.decidedBy = reviewer(c.community, c.firstReviewer);
        c.decidedAt = at - random.nextLong(50_000);
        if (!c.approve) {
            c.status = "REJECTED";
            c.reason = Names.REJECT_REASONS[random.nextInt(Names.REJECT_REASONS.length)];
            count("claims rejected");
            writeClaim(c);
            return;
        }
        approve(c, at);
        c.status = "APPROVED";
        count("claims approved");
        int v = c.volunteer;
        if (random.nextDouble() < 0.0005) {
            long when = at + HOUR + random.nextLong(5 * DAY);
            if (when < city.now) {
                c.reverse = true;
                schedule(when, Type.REVERSE, v, c);
            }
        }
        if (!c.reverse) {
            c.approval = null;
            c.accounts = null;
            writeClaim(c);
        }
        earned(v, at);
        if (random.nextDouble() < 0.012) {
            schedule(at + HOUR + random.nextLong(10 * DAY), Type.GIFT, v, null);
        }
        if (random.nextDouble() < 0.005) {
            schedule(at + HOUR + random.nextLong(10 * DAY), Type.DONATE, v, null);
        }
    }

    /** The service's HourClaimService.post: rules in force, the accounts it opens, ApprovalPostings. */
    private void approve(Claim c, long at) {
        int v = c.volunteer;
        int comm = c.community;
        ConversionRuleSet set = inForce(comm, Journal.instant(c.startsAt));
        ConversionRuleSet.Converted converted = (ConversionRuleSet.Converted) set.convert(
                Names.CATEGORIES[c.category].code(), c.minutes, null);
        if (hoursDebt[v] == 0) {
            hoursDebt[v] = journal.open(AccountPurpose.VOLUNTEER_DEBT, Asset.HOURS, VOLUNTEER, v + 1, at);
            journal.open(AccountPurpose.VOLUNTEER_DEBT, Asset.POINTS, VOLUNTEER, v + 1, at);
        }
        if (hoursPool[comm] == 0) {
            hoursPool[comm] = journal.open(AccountPurpose.COMMUNITY_POOL, Asset.HOURS, REGION, city.communityId(comm), at);
        }
        ApprovalPostings.Accounts accounts = new ApprovalPostings.Accounts(hoursWallet[v], pointsWallet(v), hoursDebt[v],
                hoursDebt[v] + 1, hoursIssuance[comm], budget[comm] != 0 ? budget[comm] : pointsIssuance[comm],
                hoursPool[comm]);
        if (budget[comm] != 0 && journal.available(budget[comm]) < converted.points()) {
            // the community's administrator tops the budget up rather than leave claims unpaid
            long amount = roundUp(Math.max(300, 2 * converted.points() + budgetSpent[comm] / 4), 100);
            journal.post(Entry.transfer(TransactionKind.BUDGET_FUNDING, REGION, Long.toString(city.communityId(comm)),
                    City.ADMIN, "追加预算", fund[comm], budget[comm], amount), at);
            count("budget top-ups");
        }
        ApprovalPostings.Standing standing = new ApprovalPostings.Standing(journal.posted(hoursWallet[v]),
                -journal.posted(hoursDebt[v]), -journal.posted(hoursDebt[v] + 1));
        ApprovalPostings.Outcome outcome = ApprovalPostings.approve(converted.creditedMinutes(), converted.points(),
                accounts, standing, set.hoursCapMinutes(), set.overCap());
        if (!(outcome instanceof ApprovalPostings.Post post)) {
            throw new IllegalStateException("approval refused: " + outcome);
        }
        if (post.minutesToPool() > 0) {
            count("approvals over the hours cap");
        }
        c.transactionId = journal.post(new Entry(TransactionKind.APPROVAL, HOUR_CLAIM, Long.toString(c.id), c.decidedBy,
                null, set.id(), null, null, post.postings()), at);
        if (budget[comm] != 0) {
            budgetSpent[comm] += converted.points();
        }
        c.ruleSetId = set.id();
        c.creditedMinutes = converted.creditedMinutes();
        c.points = converted.points();
        c.approval = post.postings();
        c.accounts = accounts;
    }

    /** The nearest region on the path with a version in force at {@code at} (ConversionRuleStore.inForce). */
    private ConversionRuleSet inForce(int community, Instant at) {
        for (long region : city.nearestFirst(community)) {
            for (ConversionRuleSet set : rules.getOrDefault(region, List.of())) {
                if (!set.effectiveFrom().isAfter(at)) {
                    return set;
                }
            }
        }
        throw new IllegalStateException("no conversion rules for community " + community + " at " + at);
    }

    /** HourClaimService.reverse: the wallets give back what they hold; the generator only reverses what they still hold. */
    private void reverse(Claim c, long at) {
        int v = c.volunteer;
        List<Posting> reversal = ApprovalPostings.reverse(c.approval, c.accounts, journal.available(hoursWallet[v]),
                journal.available(pointsWallet(v)));
        boolean intoDebt = reversal.stream().anyMatch(p -> p.accountId() == c.accounts.hoursDebt()
                || p.accountId() == c.accounts.pointsDebt());
        if (!intoDebt) {
            c.reversalId = journal.post(new Entry(TransactionKind.REVERSAL, HOUR_CLAIM, Long.toString(c.id),
                    reviewer(c.community, null), Names.REVERSAL_REASONS[random.nextInt(Names.REVERSAL_REASONS.length)],
                    null, c.transactionId, null, reversal), at);
            c.status = "REVERSED";
            count("claims reversed");
        }
        writeClaim(c);
    }

    private void writeClaim(Claim c) {
        long endsAt = c.startsAt + c.minutes * MINUTE;
        out.claims().row(22).int8(c.id).int8(c.volunteer + 1L).int8(city.communityId(c.community)).nul()
                .text(Names.CATEGORIES[c.category].code()).text(c.description).timestamp(c.startsAt).timestamp(endsAt)
                .int4(c.minutes).text(c.status).text(c.submittedBy).timestamp(c.submittedAt).text(c.firstReviewer);
        timestamp(out.claims(), c.firstReviewedAt).text(c.decidedBy);
        timestamp(out.claims(), c.decidedAt).text(c.reason).int4(c.ruleSetId).int8(c.creditedMinutes).int8(c.points)
                .int8(c.transactionId).int8(c.reversalId);
    }

    private static BinaryCopy timestamp(BinaryCopy copy, Long micros) {
        return micros == null ? copy.nul() : copy.timestamp(micros);
    }

    // ---- budgets ----

    private void scheduleFundings() {
        for (int c = 0; c < city.communities; c++) {
            if (!city.communityHasBudget[c]) {
                continue;
            }
            long offset = random.nextLong(8 * HOUR);
            schedule(city.start + DAY + 9 * HOUR + offset, Type.FUND, c, Boolean.TRUE);
            LocalDate month = Journal.instant(city.start).atOffset(City.ZONE).toLocalDate().withDayOfMonth(1);
            while (true) {
                month = month.plusMonths(1);
                long at = Journal.micros(month.atTime(9, 0).toInstant(City.ZONE)) + offset;
                if (at >= city.now) {
                    break;
                }
                if (at > city.start + 2 * DAY) {
                    schedule(at, Type.FUND, c, Boolean.FALSE);
                }
            }
        }
    }

    /** BudgetService.fund: the fund pays into the budget (the first funding opens both). */
    private void fund(int c, long at, boolean first) {
        long communityId = city.communityId(c);
        if (fund[c] == 0) {
            fund[c] = journal.open(AccountPurpose.COMMUNITY_FUND, Asset.POINTS, REGION, communityId, at);
            budget[c] = journal.open(AccountPurpose.COMMUNITY_BUDGET, Asset.POINTS, REGION, communityId, at);
        }
        int members = city.memberStart[c + 1] - city.memberStart[c];
        long amount = first ? roundUp(500 + 4L * members, 100) : roundUp(Math.max(300, budgetSpent[c] * 3 / 2), 100);
        LocalDate date = Journal.instant(at).atOffset(City.ZONE).toLocalDate();
        journal.post(Entry.transfer(TransactionKind.BUDGET_FUNDING, REGION, Long.toString(communityId), City.ADMIN,
                date.getYear() + "年" + date.getMonthValue() + "月社区基金拨付", fund[c], budget[c], amount), at);
        budgetSpent[c] = 0;
        count("budget fundings");
    }

    private static long roundUp(long v, long unit) {
        return (v + unit - 1) / unit * unit;
    }

    // ---- shops and redemptions ----

    /** ShopService.create and the operator's first catalogue. */
    private void openShop(int s, long at) {
        shopSettlement[s] = journal.open(AccountPurpose.SHOP_SETTLEMENT, Asset.POINTS, "SHOP", s + 1, at);
        out.shops().row(7).int8(s + 1L).text(city.shopName[s]).text(city.shopCharity[s] ? "CHARITY_SUPERMARKET" : "PARTNER_SHOP")
                .int8(city.communityId(city.shopCommunity[s])).int8(shopSettlement[s]).text(City.ADMIN).timestamp(at);
        for (int it = city.shopFirstItem[s]; it < city.shopFirstItem[s + 1]; it++) {
            out.items().row(7).int8(it + 1L).int8(s + 1L).text(city.itemName[it]).int8(city.itemPrice[it])
                    .int4(city.itemStock[it]).bool(city.itemActive[it]).timestamp(at + 5 * MINUTE + it % 1000 * SECOND);
        }
    }

    /** After points arrive: a volunteer who spends plans a visit to a shop once enough has gathered. */
    private void earned(int v, long at) {
        int threshold = city.spendThreshold[v];
        if (threshold == 0 || redemptionPlanned[v] || journal.available(pointsWallet(v)) < threshold) {
            return;
        }
        long delay = HOUR + (long) (-Math.log(1 - random.nextDouble()) * 8 * DAY);
        if (at + delay < city.now) {
            redemptionPlanned[v] = true;
            schedule(at + delay, Type.REDEEM, v, null);
        }
    }

    private int shopFor(int v) {
        int home = city.home[v];
        double u = random.nextDouble();
        int[] near = city.shopsOfCommunity[home];
        int[] street = city.shopsOfStreet[city.communityStreet[home]];
        int s;
        if (u < 0.05) {
            s = 0;
        } else if (u < 0.8 && near.length > 0) {
            s = near[random.nextInt(near.length)];
        } else if (street.length > 0) {
            s = street[random.nextInt(street.length)];
        } else {
            s = 0;
        }
        return shopSettlement[s] != 0 ? s : 0;
    }

    /** RedemptionService.redeem: a payment code, a basket the wallet can pay, one REDEMPTION (or a hold). */
    private void redeem(int v, long at) {
        redemptionPlanned[v] = false;
        long wallet = pointsWallet(v);
        long available = journal.available(wallet);
        int s = shopFor(v);
        if (shopSettlement[s] == 0) {
            return;
        }
        Redemption r = new Redemption();
        r.shop = s;
        r.volunteer = v;
        r.wallet = wallet;
        List<int[]> lines = new ArrayList<>();
        if (random.nextDouble() < 0.08) {
            r.points = Math.min(available, 5 + random.nextInt(56));
        } else {
            long left = available;
            int first = city.shopFirstItem[s];
            int n = city.shopFirstItem[s + 1] - first;
            int wanted = 1 + (random.nextDouble() < 0.3 ? 1 : 0) + (random.nextDouble() < 0.1 ? 1 : 0);
            for (int tries = 0; tries < 8 && lines.size() < wanted; tries++) {
                int it = first + random.nextInt(n);
                if (!city.itemActive[it] || city.itemPrice[it] > left || lines.stream().anyMatch(l -> l[0] == it)) {
                    continue;
                }
                int quantity = city.itemPrice[it] * 2 <= left && random.nextDouble() < 0.2 ? 2 : 1;
                lines.add(new int[] {it, quantity, 0, 0});
                left -= (long) city.itemPrice[it] * quantity;
            }
            lines.sort((a, b) -> Integer.compare(a[0], b[0]));
            r.points = available - left;
            r.lines = lines;
        }
        if (r.points <= 0) {
            earned(v, at);
            return;
        }
        r.id = ++redemptionIds;
        r.createdAt = at;
        String operator = City.shopOperator(s);
        long createdCode = at - 5 * SECOND - random.nextLong(90 * SECOND);
        out.paymentCodes().row(6).bytes(hasher.hash("payment-code", PaymentCode.generate(random)))
                .int8(v + 1L).timestamp(createdCode + PAYMENT_CODE_TTL).timestamp(at).int8(s + 1L).timestamp(createdCode);
        // a held redemption is captured or voided within minutes; none is left open at the end
        if (random.nextDouble() < 0.95 || at + 11 * MINUTE >= city.now) {
            r.transactionId = journal.post(Entry.transfer(TransactionKind.REDEMPTION, REDEMPTION, Long.toString(r.id),
                    operator, null, wallet, shopSettlement[s], r.points), at);
            r.captured = r.points;
            r.resolvedAt = at;
            count("redemptions captured");
            if (!lines.isEmpty() && random.nextDouble() < 0.015) {
                int[] line = lines.get(random.nextInt(lines.size()));
                long when = at + HOUR + random.nextLong(10 * DAY);
                if (when < city.now) {
                    line[3] = 1;
                    r.refunded = city.itemPrice[line[0]];
                    schedule(when, Type.REFUND, v, new Refund(r, line[0], r.refunded));
                }
            }
            writeRedemption(r);
            writeLines(r);
        } else {
            r.mode = "HOLD";
            r.transactionId = journal.post(new Entry(TransactionKind.HOLD, REDEMPTION, Long.toString(r.id), operator,
                    null, null, null, null, Hold.reserve(wallet, shopSettlement[s], r.points)), at);
            double outcome = random.nextDouble();
            boolean part = outcome >= 0.8 && outcome < 0.9;
            if (outcome < 0.8) {
                r.postAmount = r.points;
            } else if (part && !lines.isEmpty()) {
                // RedemptionService.capture of items: one unit stays at the till, the rest is kept
                int[] line = lines.get(random.nextInt(lines.size()));
                long unit = city.itemPrice[line[0]];
                if (r.points > unit) {
                    line[2] = 1;
                    r.postAmount = r.points - unit;
                }
            } else if (part && r.points > 1) {
                r.postAmount = r.points - 1 - random.nextLong(r.points - 1);
            }
            schedule(at + 20 * SECOND + random.nextLong(10 * MINUTE), Type.RESOLVE_HOLD, v, r);
            count("redemptions held");
        }
        earned(v, at);
    }

    /** The lines as RedemptionService leaves them: {@code released} units back on the shelf, {@code refunded} returned. */
    private void writeLines(Redemption r) {
        for (int[] line : r.lines) {
            out.lines().row(6).int8(r.id).int8(line[0] + 1L).int4(line[1]).int8(city.itemPrice[line[0]])
                    .int4(line[2]).int4(line[3]);
        }
    }

    /** LedgerService.postHold / voidHold for a held redemption, and the redemption's final row. */
    private void resolveHold(Redemption r, long at) {
        Hold hold = new Hold(r.transactionId, r.wallet, shopSettlement[r.shop], r.points,
                Journal.instant(r.createdAt + HOLD_TIMEOUT), Hold.Status.PENDING);
        boolean post = r.postAmount > 0;
        long id = journal.post(new Entry(post ? TransactionKind.HOLD_POST : TransactionKind.HOLD_VOID, "HOLD",
                Long.toString(hold.id()), City.shopOperator(r.shop), null, null, null, hold.id(),
                hold.resolve(r.postAmount)), at);
        out.holds().row(8).int8(hold.id()).int8(hold.debitAccountId()).int8(hold.creditAccountId()).int8(hold.amount())
                .timestamp(r.createdAt + HOLD_TIMEOUT).text(post ? "POSTED" : "VOIDED").int8(post ? r.postAmount : null)
                .timestamp(at);
        r.resolvedAt = at;
        if (post) {
            r.captured = r.postAmount;
            r.captureTransactionId = id;
            count(r.postAmount < r.points ? "holds captured in part" : "holds captured");
        } else {
            r.status = "VOIDED";
            r.lines.forEach(line -> line[2] = line[1]);
            count("holds voided");
        }
        writeRedemption(r);
        writeLines(r);
        earned(r.volunteer, at);
    }

    private void writeRedemption(Redemption r) {
        out.redemptions().row(13).int8(r.id).int8(r.shop + 1L).int8(r.volunteer + 1L).text(r.mode).text(r.status)
                .int8(r.points).int8(r.captured).int8(r.refunded).int8(r.transactionId).int8(r.captureTransactionId)
                .text(City.shopOperator(r.shop)).timestamp(r.createdAt);
        timestamp(out.redemptions(), r.resolvedAt);
    }

    /** RedemptionService.refund of one returned unit. */
    private void refund(Refund f, long at) {
        Redemption r = f.redemption();
        long id = ++refundIds;
        String operator = City.shopOperator(r.shop);
        long tx = journal.post(Entry.transfer(TransactionKind.REFUND, "REFUND", Long.toString(id), operator, null,
                shopSettlement[r.shop], r.wallet, f.points()), at);
        out.refunds().row(7).int8(id).int8(r.id).int8(r.shop + 1L).int8(f.points()).int8(tx).text(operator).timestamp(at);
        out.refundLines().row(3).int8(id).int8(f.item() + 1L).int4(1);
        count("refunds");
        earned(r.volunteer, at);
    }

    // ---- transfers ----

    /** TransferService.gift of points to someone in the same community (family, neighbours). */
    private void gift(int v, long at) {
        long available = journal.available(pointsWallet(v));
        int c = city.home[v];
        int size = city.memberStart[c + 1] - city.memberStart[c];
        if (available < 2 || size < 2) {
            return;
        }
        int to = city.members[city.memberStart[c] + random.nextInt(size)];
        if (to == v || to >= registered) {
            return;
        }
        long amount = 1 + random.nextLong(Math.min(100, available / 2));
        journal.post(Entry.transfer(TransactionKind.GIFT, VOLUNTEER, Long.toString(v + 1), Long.toString(v + 1),
                Names.GIFT_MEMOS[random.nextInt(Names.GIFT_MEMOS.length)], pointsWallet(v), pointsWallet(to), amount), at);
        count("gifts");
        earned(to, at);
    }

    /** TransferService.donate of points to the home community's pool. */
    private void donate(int v, long at) {
        long available = journal.available(pointsWallet(v));
        if (available < 1) {
            return;
        }
        int c = city.home[v];
        if (pointsPool[c] == 0) {
            pointsPool[c] = journal.open(AccountPurpose.COMMUNITY_POOL, Asset.POINTS, REGION, city.communityId(c), at);
        }
        long amount = 1 + random.nextLong(Math.min(50, available));
        journal.post(Entry.transfer(TransactionKind.DONATION, VOLUNTEER, Long.toString(v + 1), Long.toString(v + 1),
                random.nextDouble() < 0.5 ? "捐赠社区公益池" : null, pointsWallet(v), pointsPool[c], amount), at);
        count("donations");
    }

    long claimCount() {
        return claimIds;
    }

    long redemptionCount() {
        return redemptionIds;
    }

    Map<String, Long> counts() {
        return new TreeMap<>(counts);
    }
}
