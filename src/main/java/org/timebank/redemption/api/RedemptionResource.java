package org.timebank.redemption.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.timebank.common.Idempotency;
import org.timebank.common.Idempotent;
import org.timebank.common.Roles;
import org.timebank.common.Tx;
import org.timebank.redemption.RedemptionService;
import org.timebank.redemption.api.RedemptionViews.CaptureRequest;
import org.timebank.redemption.api.RedemptionViews.RedeemRequest;
import org.timebank.redemption.api.RedemptionViews.RedemptionView;
import org.timebank.redemption.api.RedemptionViews.RefundRequest;
import org.timebank.redemption.api.RedemptionViews.RefundView;
import org.timebank.security.AttemptLimiter;
import org.timebank.security.Caller;
import org.timebank.security.RateLimitConfig;

@Path("/api/v1/redemptions")
@Tag(name = "Redemptions", description = "Volunteers spend points at shops with a one-time payment code")
@Produces(MediaType.APPLICATION_JSON)
public class RedemptionResource {
    @Inject
    RedemptionService redemptions;
    @Inject
    Idempotency idempotency;
    @Inject
    Caller caller;
    @Inject
    Tx tx;
    @Inject
    AttemptLimiter attempts;
    @Inject
    RateLimitConfig rateLimits;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SHOP)
    @Operation(operationId = "redeem", summary = "Redeem a volunteer's payment code (the shop's operator)",
            description = "One transaction: the code is used up, the items' stock taken and the points moved from the "
                    + "volunteer's wallet to the shop's settlement account (CAPTURE, one REDEMPTION transaction) or "
                    + "reserved for timebank.redemption.hold-timeout (HOLD: capture or void it later). Give either items "
                    + "of the catalogue or points. Where the volunteer's home community (or a region above it) sets a "
                    + "minimum of confirmed service for redeeming, a volunteer below it is refused. If anything is "
                    + "refused nothing happens, and the code stays usable. Unknown codes are limited per operator and per "
                    + "shop (timebank.rate-limits.payment-code.*): past a limit, every code is refused with 429 until its "
                    + "window has passed.")
    @APIResponse(responseCode = "201", description = "Redeemed (or held)",
            content = @Content(schema = @Schema(implementation = RedemptionView.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not the operator of this shop")
    @APIResponse(responseCode = "404", description = "SHOP_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "PAYMENT_CODE_USED, OUT_OF_STOCK")
    @APIResponse(responseCode = "422", description = "PAYMENT_CODE_INVALID, PAYMENT_CODE_EXPIRED, INSUFFICIENT_POINTS, "
            + "SHOP_ITEM_NOT_FOUND, REDEMPTION_ITEMS_OR_POINTS, REDEMPTION_THRESHOLD_NOT_MET")
    @APIResponse(responseCode = "429", description = "TOO_MANY_ATTEMPTS: too many unknown codes from this operator, or "
            + "at this shop, within the window; any code, a valid one too, is refused (and stays unused) until it ends",
            headers = @Header(name = "Retry-After", description = "Seconds until the window ends",
                    schema = @Schema(type = SchemaType.INTEGER)))
    @Idempotent
    public Response redeem(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull RedeemRequest request) {
        return attempts.guard(redeemLimits(request.shopId()), RedemptionService.UNKNOWN_CODE, () -> idempotency.write(
                idempotencyKey, request, () -> {
                    RedemptionView r = RedemptionView.of(redemptions.redeem(caller, request.command()));
                    return Idempotency.Outcome.created(URI.create("/api/v1/redemptions/" + r.id()), r);
                }));
    }

    /**
     * Whoever enumerates payment codes varies the code itself, so a limit per code would stop nothing:
     * unknown codes count against who enters them (the operator, a till) and where (the shop, whose
     * tills and operators together get no more tries). A shop the caller does not operate is refused
     * with 403 anyway; it gets no counter, so that nobody can spend another shop's allowance.
     */
    private List<AttemptLimiter.Limit> redeemLimits(long shopId) {
        RateLimitConfig.PaymentCode limits = rateLimits.paymentCode();
        List<AttemptLimiter.Limit> all = new ArrayList<>();
        all.add(new AttemptLimiter.Limit("payment-code.caller", caller.subject(), limits.perCaller(), limits.window()));
        if (caller.operates(shopId)) {
            all.add(new AttemptLimiter.Limit("payment-code.shop", Long.toString(shopId), limits.perShop(), limits.window()));
        }
        return all;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SHOP, Roles.ADMIN})
    @Operation(operationId = "getRedemption", summary = "Read a redemption (its shop's operator, its volunteer, admin)")
    @APIResponse(responseCode = "404", description = "REDEMPTION_NOT_FOUND (also when not the caller's)")
    @APIResponse(responseCode = "200", description = "The redemption")
    public RedemptionView get(@PathParam("id") long id) {
        return RedemptionView.of(tx.inNew(() -> redemptions.visible(caller, id)));
    }

    @POST
    @Path("/{id}/capture")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SHOP)
    @Operation(operationId = "captureRedemption", summary = "Capture a held redemption, fully or in part (the shop's operator)",
            description = "Without a body (or with an empty one) everything held is posted to the shop. A redemption "
                    + "of items is captured in part by naming the units the volunteer keeps (items, each at most as "
                    + "many as were held): their held prices are posted, every other held unit goes back to stock now "
                    + "(the lines' releasedQuantity), and later refunds return and restock only kept units. Points "
                    + "alone never capture a redemption of items (CAPTURE_ITEMS_REQUIRED). A redemption of points is "
                    + "captured in part by points (at most the held ones). Whatever is not captured returns to the "
                    + "volunteer's wallet. Past the hold's timeout the answer is HOLD_EXPIRED, whether or not the "
                    + "expiry jobs have released it yet; they return the points and the stock.")
    @APIResponse(responseCode = "200", description = "Captured",
            content = @Content(schema = @Schema(implementation = RedemptionView.class)))
    @APIResponse(responseCode = "404", description = "REDEMPTION_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "HOLD_EXPIRED (past its timeout), REDEMPTION_NOT_HELD (captured "
            + "or voided already)")
    @APIResponse(responseCode = "422", description = "CAPTURE_ITEMS_REQUIRED, CAPTURE_EXCEEDS_HOLD, HOLD_AMOUNT_INVALID, "
            + "REDEMPTION_ITEMS_OR_POINTS")
    @Idempotent
    public Response capture(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") long id,
                            @Valid CaptureRequest request) {
        CaptureRequest body = request == null ? new CaptureRequest(null, null) : request;
        return idempotency.write(idempotencyKey, body,
                () -> Idempotency.Outcome.ok(RedemptionView.of(redemptions.capture(caller, id, body.command()))));
    }

    @POST
    @Path("/{id}/void")
    @RolesAllowed(Roles.SHOP)
    @Operation(operationId = "voidRedemption", summary = "Void a held redemption (the shop's operator): points back to the wallet, items to the shelf",
            description = "Past the hold's timeout the answer is HOLD_EXPIRED, whether or not the expiry jobs have "
                    + "released it yet; they return the points and the stock.")
    @APIResponse(responseCode = "200", description = "Voided",
            content = @Content(schema = @Schema(implementation = RedemptionView.class)))
    @APIResponse(responseCode = "404", description = "REDEMPTION_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "HOLD_EXPIRED (past its timeout), REDEMPTION_NOT_HELD (captured "
            + "or voided already)")
    @Idempotent
    public Response voidHeld(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") long id) {
        return idempotency.write(idempotencyKey, null,
                () -> Idempotency.Outcome.ok(RedemptionView.of(redemptions.voidHeld(caller, id))));
    }

    @POST
    @Path("/{id}/refund")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SHOP)
    @Operation(operationId = "refundRedemption", summary = "Refund a captured redemption, in points or returned items (the shop's operator)",
            description = "Requires an Idempotency-Key. One REFUND transaction moves the points from the shop's settlement "
                    + "account back to the volunteer's wallet; returned items go back to stock. Allowed within "
                    + "timebank.redemption.refund-window of the capture, and never beyond the captured points less "
                    + "earlier refunds, however refunds of points and of items are mixed. Returned items are priced "
                    + "as redeemed and must have been kept (bought, or kept at a partial capture) and not returned "
                    + "before.")
    @APIResponse(responseCode = "201", description = "Refunded",
            content = @Content(schema = @Schema(implementation = RefundView.class)))
    @APIResponse(responseCode = "400", description = "IDEMPOTENCY_KEY_REQUIRED")
    @APIResponse(responseCode = "404", description = "REDEMPTION_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "REDEMPTION_NOT_CAPTURED")
    @APIResponse(responseCode = "422", description = "REFUND_EXCEEDS_REDEMPTION, REFUND_WINDOW_CLOSED, REDEMPTION_ITEMS_OR_POINTS")
    @Idempotent(keyRequired = true)
    public Response refund(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") long id,
                           @Valid @NotNull RefundRequest request) {
        return idempotency.write(idempotencyKey, request,
                () -> Idempotency.Outcome.created(URI.create("/api/v1/redemptions/" + id),
                        RefundView.of(redemptions.refund(caller, id, request.command()))));
    }
}
