package org.timebank.redemption;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.timebank.common.ApiException;
import org.timebank.common.Messages;
import org.timebank.common.Metrics;
import org.timebank.common.Page;
import org.timebank.common.Paging;
import org.timebank.common.Times;
import org.timebank.ledger.LedgerAccounts;
import org.timebank.ledger.LedgerService;
import org.timebank.ledger.domain.Asset;
import org.timebank.ledger.domain.Entry;
import org.timebank.ledger.domain.PostedTransaction;
import org.timebank.ledger.domain.TransactionKind;
import org.timebank.redemption.domain.Basket;
import org.timebank.redemption.domain.HoldCapture;
import org.timebank.redemption.domain.IssuedPaymentCode;
import org.timebank.redemption.domain.NewRedemption;
import org.timebank.redemption.domain.NewRefund;
import org.timebank.redemption.domain.PaymentCode;
import org.timebank.redemption.domain.PointsRefunded;
import org.timebank.redemption.domain.Redemption;
import org.timebank.redemption.domain.RedemptionDetails;
import org.timebank.redemption.domain.RedemptionStatus;
import org.timebank.redemption.domain.Refund;
import org.timebank.redemption.domain.ShopStatement;
import org.timebank.redemption.persistence.RedemptionStore;
import org.timebank.redemption.persistence.RedemptionStore.CodeState;
import org.timebank.redemption.persistence.RedemptionStore.RedemptionRow;
import org.timebank.redemption.persistence.RedemptionStore.RefundRow;
import org.timebank.redemption.persistence.RedemptionStore.ShopRow;
import org.timebank.security.Caller;
import org.timebank.volunteer.PiiProtector;

/**
 * Payment codes and redemptions. A redemption is one database transaction: the code is claimed,
 * the stock taken and the points posted (or held) together, or nothing happens at all.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RedemptionService {
    /**
     * The refusals that are failed guesses of a payment code, limited by timebank.rate-limits.payment-code:
     * an unknown code. A used or expired code was a real one, shown too late or twice at the till: no
     * guess, and counting it would lock out a busy shop's honest queue.
     */
    public static final Set<String> UNKNOWN_CODE = Set.of("PAYMENT_CODE_INVALID");

    static final String SOURCE_TYPE = "REDEMPTION";
    private static final String CODE_HASH_KIND = "payment-code";

    @Inject
    Event<PointsRefunded> refunds;
    @Inject
    RedemptionStore store;
    @Inject
    ShopService shops;
    @Inject
    LedgerService ledger;
    @Inject
    LedgerAccounts accounts;
    @Inject
    PiiProtector hasher;
    @Inject
    RedemptionConfig config;

    private final SecureRandom random = new SecureRandom();

    /** A fresh one-time code for the volunteer themself to show at the till. */
    public IssuedPaymentCode issuePaymentCode(Caller caller, long volunteerId) {
        if (!Objects.equals(caller.volunteerId(), volunteerId)) {
            throw ApiException.forbidden("FORBIDDEN");
        }
        if (!store.volunteerExists(volunteerId)) {
            throw ApiException.notFound("VOLUNTEER_NOT_FOUND", volunteerId);
        }
        while (true) {
            String code = PaymentCode.generate(random);
            Optional<OffsetDateTime> expiresAt = store.insertPaymentCode(hash(code), volunteerId, config.paymentCodeTtl());
            if (expiresAt.isPresent()) {
                return new IssuedPaymentCode(code, expiresAt.get());
            }
        }
    }

    /**
     * A shop's operator redeems a volunteer's code for items of the catalogue or a number of points.
     * One read (the code claimed, with the volunteer's standing and wallet and the basket's items
     * locked) and one write (the posting or hold, the redemption, its lines and the stock taken).
     */
    public RedemptionDetails redeem(Caller caller, NewRedemption request) {
        if (!caller.operates(request.shopId())) {
            throw ApiException.forbidden("FORBIDDEN");
        }
        ShopRow shop = shops.shop(request.shopId());
        Basket basket = basket(request::basket);
        byte[] codeHash = hash(request.code());
        RedemptionStore.Ready ready = store.claimAndRead(codeHash, shop.id(),
                        basket.lines().stream().map(Basket.Line::itemId).toList())
                .orElseThrow(() -> codeRefusal(codeHash));
        RedemptionStore.Standing standing = ready.standing();
        if (standing.minMinutes() != null && standing.confirmedMinutes() < standing.minMinutes()) {
            throw ApiException.unprocessable("REDEMPTION_THRESHOLD_NOT_MET", new Messages.Minutes(standing.confirmedMinutes()),
                    new Messages.Minutes(standing.minMinutes()));
        }

        long points = 0;
        List<Redemption.Line> lines = new ArrayList<>();
        if (basket.hasItems()) {
            for (Basket.Line line : basket.lines()) {
                RedemptionStore.LockedItem item = ready.items().get(line.itemId());
                if (item == null || !item.active()) {
                    throw ApiException.unprocessable("SHOP_ITEM_NOT_FOUND", line.itemId());
                }
                if (item.stock() < line.quantity()) {
                    throw ApiException.conflict("OUT_OF_STOCK", line.itemId(), item.stock());
                }
                try {
                    points = Math.addExact(points, Math.multiplyExact(item.pointsPrice(), line.quantity()));
                } catch (ArithmeticException e) {
                    throw ApiException.unprocessable("REDEMPTION_ITEMS_OR_POINTS");
                }
                lines.add(new Redemption.Line(line.itemId(), line.quantity(), item.pointsPrice(), 0, 0));
            }
        } else {
            points = basket.points();
        }

        long id = ready.redemptionId();
        Redemption.Opened opened = Redemption.open(request.mode(), points);
        String actor = caller.subject();
        if (opened.status() == RedemptionStatus.HELD) {
            ledger.holdReserved(ready.transactionId(), SOURCE_TYPE, Long.toString(id), actor, null, ready.walletId(),
                    shop.settlementAccountId(), points, config.holdTimeout());
        } else {
            ledger.postReserved(ready.transactionId(), Entry.transfer(TransactionKind.REDEMPTION, SOURCE_TYPE,
                    Long.toString(id), actor, null, ready.walletId(), shop.settlementAccountId(), points));
        }
        RedemptionRow stored = store.writeRedemption(ready, shop.id(), request.mode(), opened.status(), opened.points(),
                opened.capturedPoints(), lines, actor);
        Metrics.count("timebank.redemptions", 1, "mode", request.mode().name());
        return details(stored, lines);
    }

    /**
     * Posts a held redemption, all of it or part (the rules are {@link Redemption#capture}): the
     * rest of the points return to the wallet, and units not kept go back to the shelf.
     */
    public RedemptionDetails capture(Caller caller, long id, HoldCapture request) {
        Redemption r = lockOwn(caller, id);
        Basket kept = basket(request::kept);
        Redemption.CaptureOutcome outcome = r.capture(kept, holdTimedOut(r));
        if (outcome instanceof Redemption.Refused refused) {
            throw refusal(refused);
        }
        Redemption.Captured captured = (Redemption.Captured) outcome;
        release(id, captured.released());
        PostedTransaction t = ledger.postHold(r.transactionId(), captured.points(), caller.subject());
        store.markCaptured(id, captured.points(), t.id());
        Metrics.count("timebank.redemptions.resolved", 1, "status", RedemptionStatus.CAPTURED.name());
        return view(id);
    }

    /** Releases a held redemption: the points return to the wallet, the items to the shelf. */
    public RedemptionDetails voidHeld(Caller caller, long id) {
        Redemption r = lockOwn(caller, id);
        Redemption.ReleaseOutcome outcome = r.voidHold(holdTimedOut(r));
        if (outcome instanceof Redemption.Refused refused) {
            throw refusal(refused);
        }
        release(id, ((Redemption.Released) outcome).released());
        ledger.voidHold(r.transactionId(), caller.subject());
        store.markReleased(id, RedemptionStatus.VOIDED);
        Metrics.count("timebank.redemptions.resolved", 1, "status", RedemptionStatus.VOIDED.name());
        return view(id);
    }

    /**
     * Marks held redemptions whose hold the ledger has expired as EXPIRED and puts their items
     * back; returns how many.
     */
    public int sweepExpired(int limit) {
        List<Long> ids = store.lockExpiredHeld(limit);
        for (long id : ids) {
            Redemption.ReleaseOutcome outcome = decidable(store.redemption(id).orElseThrow()).expire();
            if (outcome instanceof Redemption.Refused refused) {
                throw new IllegalStateException("redemption " + id + " was locked as HELD: " + refused.code());
            }
            release(id, ((Redemption.Released) outcome).released());
            store.markReleased(id, RedemptionStatus.EXPIRED);
        }
        Metrics.count("timebank.redemptions.resolved", ids.size(), "status", RedemptionStatus.EXPIRED.name());
        return ids.size();
    }

    /**
     * Gives back points of a captured redemption, a number of them or the held price of returned
     * kept units, which go back to stock (the rules are {@link Redemption#refund}). The redemption's
     * row lock orders the refunds of one redemption; the CHECKs on refunded_points and
     * refunded_quantity hold whatever happens.
     */
    public Refund refund(Caller caller, long id, NewRefund request) {
        RedemptionRow row = lockOwnRow(caller, id);
        Basket returned = basket(request::returned);
        Redemption.RefundOutcome outcome = decidable(row).refund(returned, Instant.now(), config.refundWindow());
        if (outcome instanceof Redemption.Refused refused) {
            throw refusal(refused);
        }
        Redemption.Refunded refund = (Redemption.Refunded) outcome;
        ShopRow shop = shops.shop(row.shopId());
        long wallet = accounts.wallet(row.volunteerId(), Asset.POINTS);
        long refundId = store.nextRefundId();
        // the shelf before the wallet, as redeem() locks them
        for (Basket.Line line : refund.returned()) {
            store.restoreStock(line.itemId(), line.quantity());
        }
        PostedTransaction t = ledger.post(Entry.transfer(TransactionKind.REFUND, "REFUND", Long.toString(refundId),
                caller.subject(), null, shop.settlementAccountId(), wallet, refund.points()));
        store.insertRefund(refundId, id, row.shopId(), refund.points(), t.id(), caller.subject());
        for (Basket.Line line : refund.returned()) {
            store.insertRefundLine(refundId, id, line.itemId(), line.quantity());
        }
        store.addRefunded(id, refund.points());
        refunds.fire(new PointsRefunded(refundId, id, row.volunteerId(), row.shopId(), refund.points()));
        Metrics.count("timebank.redemptions.refunds", 1);
        RefundRow made = store.refund(refundId);
        return new Refund(made.id(), made.redemptionId(), made.points(), made.transactionId(), made.createdAt(),
                refund.returned());
    }

    /** A shop's redemptions, newest first (its operator, admin). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RedemptionDetails> shopRedemptions(Caller caller, long shopId, Paging paging) {
        readableShop(caller, shopId);
        List<RedemptionRow> rows = store.shopRedemptions(shopId, paging.after(), paging.limit() + 1);
        Map<Long, List<Redemption.Line>> lines = new HashMap<>();
        store.lines(rows.stream().map(RedemptionRow::id).toList())
                .forEach(e -> lines.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return paging.page(rows.stream().map(r -> details(r, lines.getOrDefault(r.id(), List.of()))).toList(),
                RedemptionDetails::id);
    }

    /** A shop's month (Asia/Shanghai): what it captured, what it refunded, and the net points it is owed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ShopStatement statement(Caller caller, long shopId, YearMonth period) {
        readableShop(caller, shopId);
        OffsetDateTime from = period.atDay(1).atStartOfDay(Times.ZONE).toOffsetDateTime();
        OffsetDateTime to = period.plusMonths(1).atDay(1).atStartOfDay(Times.ZONE).toOffsetDateTime();
        List<ShopStatement.Line> rows = store.statement(shopId, from, to);
        long redeemed = rows.stream().filter(x -> x.type().equals("REDEMPTION")).mapToLong(ShopStatement.Line::points).sum();
        long refunded = rows.stream().filter(x -> x.type().equals("REFUND")).mapToLong(ShopStatement.Line::points).sum();
        return new ShopStatement(shopId, period, from, to, redeemed, refunded, rows);
    }

    private void readableShop(Caller caller, long shopId) {
        shops.shop(shopId);
        if (!caller.isAdmin() && !caller.operates(shopId)) {
            throw ApiException.forbidden("FORBIDDEN");
        }
    }

    /** A redemption its shop's operator, its volunteer or an administrator may read; to anyone else it does not exist. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RedemptionDetails visible(Caller caller, long id) {
        RedemptionRow r = store.redemption(id).orElseThrow(() -> ApiException.notFound("REDEMPTION_NOT_FOUND", id));
        if (!caller.isAdmin() && !caller.operates(r.shopId()) && !Objects.equals(caller.volunteerId(), r.volunteerId())) {
            throw ApiException.notFound("REDEMPTION_NOT_FOUND", id);
        }
        return details(r, store.lines(id));
    }

    /** The redemption, its row locked, if the caller operates its shop; to anyone else it does not exist. */
    private RedemptionRow lockOwnRow(Caller caller, long id) {
        return store.lockRedemption(id).filter(x -> caller.operates(x.shopId()))
                .orElseThrow(() -> ApiException.notFound("REDEMPTION_NOT_FOUND", id));
    }

    private Redemption lockOwn(Caller caller, long id) {
        return decidable(lockOwnRow(caller, id));
    }

    private Redemption decidable(RedemptionRow r) {
        return new Redemption(r.id(), r.transactionId(), r.status(), r.points(), r.capturedPoints(),
                r.refundedPoints(), r.resolvedAt() == null ? null : r.resolvedAt().toInstant(), store.lines(r.id()));
    }

    /** Only a HELD redemption's hold can be live; the ledger says whether its time is up. */
    private boolean holdTimedOut(Redemption r) {
        return r.status() == RedemptionStatus.HELD && ledger.holdTimedOut(r.transactionId());
    }

    private void release(long id, List<Basket.Line> units) {
        // in item order and before the ledger locks the wallet, as redeem() locks them: a capture or a
        // void never deadlocks with a redemption of the same items by the same volunteer
        for (Basket.Line l : units) {
            store.releaseUnits(id, l.itemId(), l.quantity());
        }
    }

    /** The basket a command names, asked for once the caller and the shop or redemption have passed. */
    private static Basket basket(Supplier<Basket> named) {
        try {
            return named.get();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ApiException.unprocessable("REDEMPTION_ITEMS_OR_POINTS");
        }
    }

    private static ApiException refusal(Redemption.Refused refused) {
        Object[] args = refused.args().toArray();
        return refused.reason() == Redemption.Reason.STATE ? ApiException.conflict(refused.code(), args)
                : ApiException.unprocessable(refused.code(), args);
    }

    private RedemptionDetails view(long id) {
        return details(store.redemption(id).orElseThrow(), store.lines(id));
    }

    private static RedemptionDetails details(RedemptionRow r, List<Redemption.Line> lines) {
        return new RedemptionDetails(r.id(), r.shopId(), r.volunteerId(), r.mode(), r.status(), r.points(),
                r.capturedPoints(), r.refundedPoints(), r.transactionId(), r.captureTransactionId(), r.createdAt(),
                r.resolvedAt(), lines);
    }

    private ApiException codeRefusal(byte[] codeHash) {
        Optional<CodeState> state = store.paymentCodeState(codeHash);
        if (state.isEmpty()) {
            return ApiException.unprocessable("PAYMENT_CODE_INVALID");
        }
        return state.get().used() ? ApiException.conflict("PAYMENT_CODE_USED")
                : ApiException.unprocessable("PAYMENT_CODE_EXPIRED");
    }

    private byte[] hash(String code) {
        return hasher.hash(CODE_HASH_KIND, code);
    }
}
