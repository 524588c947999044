package org.timebank.redemption.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.timebank.common.Times;
import org.timebank.ledger.api.Views.CheckpointView;
import org.timebank.redemption.domain.Basket;
import org.timebank.redemption.domain.CatalogueItem;
import org.timebank.redemption.domain.HoldCapture;
import org.timebank.redemption.domain.IssuedPaymentCode;
import org.timebank.redemption.domain.NewRedemption;
import org.timebank.redemption.domain.NewRefund;
import org.timebank.redemption.domain.NewShop;
import org.timebank.redemption.domain.Redemption;
import org.timebank.redemption.domain.RedemptionDetails;
import org.timebank.redemption.domain.RedemptionMode;
import org.timebank.redemption.domain.RedemptionStatus;
import org.timebank.redemption.domain.Refund;
import org.timebank.redemption.domain.ShopKind;
import org.timebank.redemption.domain.ShopRef;
import org.timebank.redemption.domain.ShopStatement;
import org.timebank.redemption.persistence.RedemptionStore.ItemRow;
import org.timebank.redemption.persistence.RedemptionStore.ShopRow;

/** The JSON shapes of shops, catalogues, payment codes and redemptions. */
public final class RedemptionViews {
    private RedemptionViews() {}

    @Schema(name = "CreateShop")
    public record CreateShop(@NotBlank @Size(max = 100) String name, @NotNull ShopKind kind,
                             @NotNull @Schema(description = "The community the shop serves") Long regionId) {
        public NewShop command() {
            return new NewShop(name, kind, regionId);
        }
    }

    @Schema(name = "Shop")
    public record ShopView(long id, String name, ShopKind kind, long regionId,
                           @Schema(description = "The shop's POINTS settlement account") long settlementAccountId,
                           OffsetDateTime createdAt) {
        public static ShopView of(ShopRow s) {
            return new ShopView(s.id(), s.name(), s.kind(), s.regionId(), s.settlementAccountId(),
                    Times.local(s.createdAt()));
        }

        public static ShopView of(ShopRef s) {
            return new ShopView(s.id(), s.name(), s.kind(), s.regionId(), s.settlementAccountId(),
                    Times.local(s.createdAt()));
        }
    }

    @Schema(name = "ShopItemInput", description = "Without id: a new item; with id: that item of the shop, rewritten")
    public record ItemInput(@Positive Long id, @NotBlank @Size(max = 100) String name,
                            @NotNull @Positive Long pointsPrice, @NotNull @PositiveOrZero Integer stock,
                            @NotNull Boolean active) {
        public CatalogueItem command() {
            return new CatalogueItem(id, name, pointsPrice, stock, active);
        }
    }

    @Schema(name = "ShopItem")
    public record ItemView(long id, String name, long pointsPrice, int stock, boolean active) {
        public static ItemView of(ItemRow i) {
            return new ItemView(i.id(), i.name(), i.pointsPrice(), i.stock(), i.active());
        }
    }

    @Schema(name = "PaymentCode")
    public record PaymentCodeView(@Schema(description = "20 characters; show it once, as a QR code") String code,
                                  OffsetDateTime expiresAt) {
        public static PaymentCodeView of(IssuedPaymentCode c) {
            return new PaymentCodeView(c.code(), Times.local(c.expiresAt()));
        }
    }

    @Schema(name = "RedemptionLineInput")
    public record LineInput(@NotNull @Positive Long itemId, @NotNull @Positive @Max(10000) Integer quantity) {
        static List<Basket.Line> lines(List<LineInput> items) {
            return items == null ? null : items.stream().map(l -> new Basket.Line(l.itemId(), l.quantity())).toList();
        }
    }

    @Schema(name = "RedeemRequest", description = "Exactly one of items (a shop with a catalogue) and points")
    public record RedeemRequest(@NotNull @Positive Long shopId, @NotBlank @Size(max = 64) String code,
                                @Valid @Size(min = 1, max = 100) List<@Valid @NotNull LineInput> items,
                                @Positive Long points,
                                @Schema(defaultValue = "CAPTURE") RedemptionMode mode) {
        public NewRedemption command() {
            return new NewRedemption(shopId, code, LineInput.lines(items), points, mode);
        }
    }

    @Schema(name = "CaptureRequest", description = "Empty (or no body): capture everything held. A held redemption "
            + "of items is captured in part by naming the units kept (items); a held redemption of points by a "
            + "number of points. Never both; points alone never capture a redemption of items (CAPTURE_ITEMS_REQUIRED).")
    public record CaptureRequest(
            @Valid @Size(min = 1, max = 100)
            @Schema(description = "A redemption of items only: the units the volunteer keeps, each at most as many as "
                    + "were held. Their held prices are the captured points; every other held unit goes back to "
                    + "stock now.")
            List<@Valid @NotNull LineInput> items,
            @Positive
            @Schema(description = "A redemption of points only: the points posted, at most the held ones; the rest "
                    + "returns to the wallet.")
            Long points) {
        public HoldCapture command() {
            return new HoldCapture(LineInput.lines(items), points);
        }
    }

    @Schema(name = "RedemptionLine", description = "One item: quantity - releasedQuantity units were kept by the "
            + "volunteer; refundedQuantity of those came back later")
    public record LineView(long itemId,
                           @Schema(description = "Units taken from stock when the redemption was made (held or bought)")
                           int quantity,
                           @Schema(description = "The price of one unit when it was redeemed") long pointsPrice,
                           @Schema(description = "Units put back on the shelf unsold: by a partial capture, a void or "
                                   + "an expiry")
                           int releasedQuantity,
                           @Schema(description = "Kept units brought back by refunds") int refundedQuantity) {
        public static LineView of(Redemption.Line l) {
            return new LineView(l.itemId(), l.quantity(), l.pointsPrice(), l.releasedQuantity(), l.refundedQuantity());
        }
    }

    @Schema(name = "RefundRequest", description = "Exactly one of items (units returned to stock) and points")
    public record RefundRequest(@Valid @Size(min = 1, max = 100) List<@Valid @NotNull LineInput> items,
                                @Positive Long points) {
        public NewRefund command() {
            return new NewRefund(LineInput.lines(items), points);
        }
    }

    @Schema(name = "RefundLine")
    public record RefundLineView(long itemId, int quantity) {}

    @Schema(name = "Refund")
    public record RefundView(long id, long redemptionId, long points,
                             @Schema(description = "The REFUND transaction") long transactionId,
                             OffsetDateTime createdAt, List<RefundLineView> lines) {
        public static RefundView of(Refund r) {
            return new RefundView(r.id(), r.redemptionId(), r.points(), r.transactionId(), Times.local(r.createdAt()),
                    r.lines().stream().map(l -> new RefundLineView(l.itemId(), l.quantity())).toList());
        }
    }

    @Schema(name = "StatementLine")
    public record StatementLine(@Schema(enumeration = {"REDEMPTION", "REFUND"}) String type, long id,
                                long redemptionId, long volunteerId, OffsetDateTime at,
                                @Schema(description = "Points captured (REDEMPTION) or given back (REFUND)") long points) {
        public static StatementLine of(ShopStatement.Line r) {
            return new StatementLine(r.type(), r.id(), r.redemptionId(), r.volunteerId(), Times.local(r.at()), r.points());
        }
    }

    @Schema(name = "ShopStatement")
    public record StatementView(long shopId, @Schema(example = "2026-11") String period, OffsetDateTime from,
                                OffsetDateTime to, long redeemedPoints, long refundedPoints,
                                @Schema(description = "redeemedPoints - refundedPoints: what the shop is owed") long netPoints,
                                List<StatementLine> lines,
                                @Schema(description = "the ledger's latest signed checkpoint when the statement was made "
                                        + "(absent before the first): keep it with the statement, so that a later "
                                        + "rewrite of history can be shown (GET /ledger/verification)", nullable = true)
                                CheckpointView ledgerCheckpoint) {
        public static StatementView of(ShopStatement s, CheckpointView ledgerCheckpoint) {
            return new StatementView(s.shopId(), s.period().toString(), s.from(), s.to(), s.redeemedPoints(),
                    s.refundedPoints(), s.netPoints(), s.lines().stream().map(StatementLine::of).toList(),
                    ledgerCheckpoint);
        }
    }

    @Schema(name = "Redemption")
    public record RedemptionView(long id, long shopId, long volunteerId, RedemptionMode mode, RedemptionStatus status,
                                 @Schema(description = "Points taken (CAPTURE) or held (HOLD)") long points,
                                 @Schema(description = "Points posted to the shop; for a redemption of items, the "
                                         + "price of the units kept. Null until captured")
                                 Long capturedPoints, long refundedPoints,
                                 @Schema(description = "The REDEMPTION transaction, or the hold") long transactionId,
                                 Long captureTransactionId, OffsetDateTime createdAt, OffsetDateTime resolvedAt,
                                 List<LineView> lines) {
        public static RedemptionView of(RedemptionDetails r) {
            return new RedemptionView(r.id(), r.shopId(), r.volunteerId(), r.mode(), r.status(), r.points(),
                    r.capturedPoints(), r.refundedPoints(), r.transactionId(), r.captureTransactionId(),
                    Times.local(r.createdAt()), r.resolvedAt() == null ? null : Times.local(r.resolvedAt()),
                    r.lines().stream().map(LineView::of).toList());
        }
    }
}
