package org.timebank.redemption;

import jakarta.enterprise.context.ApplicationScoped;
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
import org.timebank.common.ApiException;
import org.timebank.common.Messages;
import org.timebank.common.Metrics;
import org.timebank.common.Page;
import org.timebank.common.Paging;
import org.timebank.common.Times;
import org.timebank.ledger.LedgerService;
import org.timebank.ledger.domain.Entry;
import org.timebank.ledger.domain.TransactionKind;
import org.timebank.ledger.persistence.LedgerStore.PostedTransaction;
import org.timebank.redemption.api.RedemptionViews.PaymentCodeView;
import org.timebank.redemption.api.RedemptionViews.RedeemRequest;
import org.timebank.redemption.api.RedemptionViews.RedemptionView;
import org.timebank.redemption.api.RedemptionViews.RefundRequest;
import org.timebank.redemption.api.RedemptionViews.RefundView;
import org.timebank.redemption.api.RedemptionViews.StatementLine;
import org.timebank.redemption.api.RedemptionViews.StatementView;
import org.timebank.redemption.domain.Basket;
import org.timebank.redemption.domain.PaymentCode;
import org.timebank.redemption.domain.RedemptionMode;
import org.timebank.redemption.domain.RedemptionStatus;
import org.timebank.redemption.persistence.RedemptionStore;
import org.timebank.redemption.persistence.RedemptionStore.CodeState;
import org.timebank.redemption.persistence.RedemptionStore.LineRow;
import org.timebank.redemption.persistence.RedemptionStore.RedemptionRow;
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
    RedemptionStore store;
    @Inject
    ShopService shops;
    @Inject
    LedgerService ledger;
    @Inject
    PiiProtector hasher;
    @Inject
    RedemptionConfig config;

    private final SecureRandom random = new SecureRandom();

    /** A fresh one-time code for the volunteer themself to show at the till. */
    public PaymentCodeView issuePaymentCode(Caller caller, long volunteerId) {
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
                return new PaymentCodeView(code, Times.local(expiresAt.get()));
            }
        }
    }

    /** A shop's operator redeems a volunteer's code for items of the catalogue or a number of points. */
    public RedemptionView redeem(Caller caller, RedeemRequest request) {
        if (!caller.operates(request.shopId())) {
            throw ApiException.forbidden("FORBIDDEN");
        }
        ShopRow shop = shops.shop(request.shopId());
        Basket basket;
        try {
            basket = new Basket(request.items() == null ? null : request.items().stream()
                    .map(l -> new Basket.Line(l.itemId(), l.quantity())).toList(), request.points());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ApiException.unprocessable("REDEMPTION_ITEMS_OR_POINTS");
        }
        byte[] codeHash = hash(PaymentCode.normalize(request.code()));
        long volunteerId = store.claimPaymentCode(codeHash, shop.id()).orElseThrow(() -> codeRefusal(codeHash));
        RedemptionStore.Standing standing = store.standing(volunteerId);
        if (standing.minMinutes() != null && standing.confirmedMinutes() < standing.minMinutes()) {
            throw ApiException.unprocessable("REDEMPTION_THRESHOLD_NOT_MET", new Messages.Minutes(standing.confirmedMinutes()),
                    new Messages.Minutes(standing.minMinutes()));
        }

        long points = 0;
        List<LineRow> lines = new ArrayList<>();
        if (basket.hasItems()) {
            for (Basket.Line line : basket.lines()) {
                long price = store.takeStock(shop.id(), line.itemId(), line.quantity())
                        .orElseThrow(() -> stockRefusal(shop.id(), line));
                try {
                    points = Math.addExact(points, Math.multiplyExact(price, line.quantity()));
                } catch (ArithmeticException e) {
                    throw ApiException.unprocessable("REDEMPTION_ITEMS_OR_POINTS");
                }
                lines.add(new LineRow(line.itemId(), line.quantity(), price, 0));
            }
        } else {
            points = basket.points();
        }

        long wallet = ledger.volunteerAccounts(volunteerId).pointsAccountId();
        long id = store.nextRedemptionId();
        RedemptionMode mode = request.mode() == null ? RedemptionMode.CAPTURE : request.mode();
        String actor = caller.subject();
        RedemptionRow stored;
        if (mode == RedemptionMode.CAPTURE) {
            PostedTransaction t = ledger.post(Entry.transfer(TransactionKind.REDEMPTION, SOURCE_TYPE, Long.toString(id),
                    actor, null, wallet, shop.settlementAccountId(), points));
            stored = store.insertRedemption(id, shop.id(), volunteerId, mode, RedemptionStatus.CAPTURED, points, points,
                    t.id(), actor);
        } else {
            PostedTransaction hold = ledger.hold(SOURCE_TYPE, Long.toString(id), actor, null, wallet,
                    shop.settlementAccountId(), points, config.holdTimeout());
            stored = store.insertRedemption(id, shop.id(), volunteerId, mode, RedemptionStatus.HELD, points, null,
                    hold.id(), actor);
        }
        for (LineRow l : lines) {
            store.insertLine(id, l.itemId(), l.quantity(), l.pointsPrice());
        }
        Metrics.count("timebank.redemptions", 1, "mode", mode.name());
        return RedemptionView.of(stored, lines);
    }

    /** Posts a held redemption, all of it or (a smaller bill) part; the rest returns to the wallet. */
    public RedemptionView capture(Caller caller, long id, Long points) {
        RedemptionRow r = lockHeld(caller, id);
        long amount = points == null ? r.points() : points;
        PostedTransaction t = ledger.postHold(r.transactionId(), amount, caller.subject());
        store.markCaptured(id, amount, t.id());
        Metrics.count("timebank.redemptions.resolved", 1, "status", RedemptionStatus.CAPTURED.name());
        return view(id);
    }

    /** Releases a held redemption: the points return to the wallet, the items to the shelf. */
    public RedemptionView voidHeld(Caller caller, long id) {
        RedemptionRow r = lockHeld(caller, id);
        ledger.voidHold(r.transactionId(), caller.subject());
        release(r, RedemptionStatus.VOIDED);
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
            release(store.redemption(id).orElseThrow(), RedemptionStatus.EXPIRED);
        }
        Metrics.count("timebank.redemptions.resolved", ids.size(), "status", RedemptionStatus.EXPIRED.name());
        return ids.size();
    }

    /**
     * Gives back points of a captured redemption, a number of them or the price of returned units
     * (which go back to stock), within timebank.redemption.refund-window of the capture and never
     * beyond what was captured less what was refunded before. The redemption's row lock orders the
     * refunds of one redemption; the CHECK on refunded_points holds whatever happens.
     */
    public RefundView refund(Caller caller, long id, RefundRequest request) {
        RedemptionRow r = store.lockRedemption(id).filter(x -> caller.operates(x.shopId()))
                .orElseThrow(() -> ApiException.notFound("REDEMPTION_NOT_FOUND", id));
        if (r.status() != RedemptionStatus.CAPTURED) {
            throw ApiException.conflict("REDEMPTION_NOT_CAPTURED", id, r.status().name());
        }
        if (r.resolvedAt().toInstant().plus(config.refundWindow()).isBefore(Instant.now())) {
            throw ApiException.unprocessable("REFUND_WINDOW_CLOSED", id);
        }
        Basket basket;
        try {
            basket = new Basket(request.items() == null ? null : request.items().stream()
                    .map(l -> new Basket.Line(l.itemId(), l.quantity())).toList(), request.points());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ApiException.unprocessable("REDEMPTION_ITEMS_OR_POINTS");
        }
        long points;
        if (basket.hasItems()) {
            Map<Long, LineRow> bought = new HashMap<>();
            store.lines(id).forEach(l -> bought.put(l.itemId(), l));
            points = 0;
            for (Basket.Line line : basket.lines()) {
                LineRow l = bought.get(line.itemId());
                if (l == null || line.quantity() > l.quantity() - l.refundedQuantity()) {
                    throw ApiException.unprocessable("REFUND_EXCEEDS_REDEMPTION", id);
                }
                points += l.pointsPrice() * line.quantity();
            }
        } else {
            points = basket.points();
        }
        long refundable = r.capturedPoints() - r.refundedPoints();
        if (points > refundable) {
            throw ApiException.unprocessable("REFUND_EXCEEDS_REDEMPTION", id);
        }
        ShopRow shop = shops.shop(r.shopId());
        long wallet = ledger.volunteerAccounts(r.volunteerId()).pointsAccountId();
        long refundId = store.nextRefundId();
        PostedTransaction t = ledger.post(Entry.transfer(TransactionKind.REFUND, "REFUND", Long.toString(refundId),
                caller.subject(), null, shop.settlementAccountId(), wallet, points));
        store.insertRefund(refundId, id, r.shopId(), points, t.id(), caller.subject());
        for (Basket.Line line : basket.lines()) {
            store.insertRefundLine(refundId, id, line.itemId(), line.quantity());
            store.restoreStock(line.itemId(), line.quantity());
        }
        store.addRefunded(id, points);
        Metrics.count("timebank.redemptions.refunds", 1);
        return RefundView.of(store.refund(refundId), basket.lines());
    }

    /** A shop's redemptions, newest first (its operator, admin). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RedemptionView> shopRedemptions(Caller caller, long shopId, Paging paging) {
        readableShop(caller, shopId);
        List<RedemptionRow> rows = store.shopRedemptions(shopId, paging.after(), paging.limit() + 1);
        Map<Long, List<LineRow>> lines = new HashMap<>();
        store.lines(rows.stream().map(RedemptionRow::id).toList())
                .forEach(e -> lines.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return paging.page(rows.stream().map(r -> RedemptionView.of(r, lines.getOrDefault(r.id(), List.of()))).toList(),
                RedemptionView::id);
    }

    /** A shop's month (Asia/Shanghai): what it captured, what it refunded, and the net points it is owed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public StatementView statement(Caller caller, long shopId, YearMonth period) {
        readableShop(caller, shopId);
        OffsetDateTime from = period.atDay(1).atStartOfDay(Times.ZONE).toOffsetDateTime();
        OffsetDateTime to = period.plusMonths(1).atDay(1).atStartOfDay(Times.ZONE).toOffsetDateTime();
        List<RedemptionStore.StatementRow> rows = store.statement(shopId, from, to);
        long redeemed = rows.stream().filter(x -> x.type().equals("REDEMPTION")).mapToLong(RedemptionStore.StatementRow::points).sum();
        long refunded = rows.stream().filter(x -> x.type().equals("REFUND")).mapToLong(RedemptionStore.StatementRow::points).sum();
        return new StatementView(shopId, period.toString(), from, to, redeemed, refunded, redeemed - refunded,
                rows.stream().map(StatementLine::of).toList());
    }

    private void readableShop(Caller caller, long shopId) {
        shops.shop(shopId);
        if (!caller.isAdmin() && !caller.operates(shopId)) {
            throw ApiException.forbidden("FORBIDDEN");
        }
    }

    /** A redemption its shop's operator, its volunteer or an administrator may read; to anyone else it does not exist. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RedemptionView visible(Caller caller, long id) {
        RedemptionRow r = store.redemption(id).orElseThrow(() -> ApiException.notFound("REDEMPTION_NOT_FOUND", id));
        if (!caller.isAdmin() && !caller.operates(r.shopId()) && !Objects.equals(caller.volunteerId(), r.volunteerId())) {
            throw ApiException.notFound("REDEMPTION_NOT_FOUND", id);
        }
        return RedemptionView.of(r, store.lines(id));
    }

    private RedemptionRow lockHeld(Caller caller, long id) {
        RedemptionRow r = store.lockRedemption(id)
                .filter(x -> caller.operates(x.shopId()))
                .orElseThrow(() -> ApiException.notFound("REDEMPTION_NOT_FOUND", id));
        if (r.status() != RedemptionStatus.HELD) {
            throw ApiException.conflict("REDEMPTION_NOT_HELD", id, r.status().name());
        }
        return r;
    }

    private void release(RedemptionRow r, RedemptionStatus status) {
        // lines come in item order: the order stock rows are locked in everywhere
        for (LineRow l : store.lines(r.id())) {
            store.restoreStock(l.itemId(), l.quantity());
        }
        store.markReleased(r.id(), status);
    }

    private RedemptionView view(long id) {
        return RedemptionView.of(store.redemption(id).orElseThrow(), store.lines(id));
    }

    private ApiException codeRefusal(byte[] codeHash) {
        Optional<CodeState> state = store.paymentCodeState(codeHash);
        if (state.isEmpty()) {
            return ApiException.unprocessable("PAYMENT_CODE_INVALID");
        }
        return state.get().used() ? ApiException.conflict("PAYMENT_CODE_USED")
                : ApiException.unprocessable("PAYMENT_CODE_EXPIRED");
    }

    private ApiException stockRefusal(long shopId, Basket.Line line) {
        return store.item(shopId, line.itemId()).filter(RedemptionStore.ItemRow::active)
                .map(i -> ApiException.conflict("OUT_OF_STOCK", line.itemId(), i.stock()))
                .orElseGet(() -> ApiException.unprocessable("SHOP_ITEM_NOT_FOUND", line.itemId()));
    }

    private byte[] hash(String code) {
        return hasher.hash(CODE_HASH_KIND, code);
    }
}
