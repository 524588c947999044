package org.timebank.redemption.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.timebank.common.ApiException;
import org.timebank.common.Idempotency;
import org.timebank.common.Idempotent;
import org.timebank.common.Page;
import org.timebank.common.Paging;
import org.timebank.common.Roles;
import org.timebank.common.Tx;
import org.timebank.ledger.LedgerCheckpoints;
import org.timebank.ledger.api.Views.CheckpointView;
import org.timebank.redemption.RedemptionService;
import org.timebank.redemption.ShopService;
import org.timebank.redemption.api.RedemptionViews.CreateShop;
import org.timebank.redemption.api.RedemptionViews.ItemInput;
import org.timebank.redemption.api.RedemptionViews.ItemView;
import org.timebank.redemption.api.RedemptionViews.RedemptionView;
import org.timebank.redemption.api.RedemptionViews.ShopView;
import org.timebank.redemption.api.RedemptionViews.StatementLine;
import org.timebank.redemption.api.RedemptionViews.StatementView;
import org.timebank.redemption.domain.ShopStatement;
import org.timebank.security.Caller;

@Path("/api/v1/shops")
@Tag(name = "Shops", description = "Partner shops and charity supermarkets, and their catalogues")
@Produces(MediaType.APPLICATION_JSON)
public class ShopResource {
    static final String CSV = "text/csv";

    @Inject
    RedemptionService redemptions;
    @Inject
    ShopService shops;
    @Inject
    Idempotency idempotency;
    @Inject
    Caller caller;
    @Inject
    Tx tx;
    @Inject
    LedgerCheckpoints checkpoints;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createShop", summary = "Onboard a shop in a community (admin)",
            description = "Opens the shop's POINTS settlement account, which redemptions credit and refunds debit. It "
                    + "has no balance flag, so a busy shop never serializes redemptions.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = ShopView.class)))
    @APIResponse(responseCode = "422", description = "REGION_NOT_FOUND, NOT_A_COMMUNITY")
    @Idempotent
    public Response create(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull CreateShop request) {
        return idempotency.write(idempotencyKey, request, () -> {
            ShopView shop = ShopView.of(shops.create(caller.subject(), request.command()));
            return Idempotency.Outcome.created(URI.create("/api/v1/shops/" + shop.id()), shop);
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.VOLUNTEER, Roles.STAFF, Roles.SHOP, Roles.ADMIN})
    @Operation(operationId = "getShop", summary = "Read a shop (anyone signed in)")
    @APIResponse(responseCode = "404", description = "SHOP_NOT_FOUND")
    @APIResponse(responseCode = "200", description = "The shop")
    public ShopView get(@PathParam("id") long id) {
        return tx.inNew(() -> ShopView.of(shops.shop(id)));
    }

    @GET
    @Path("/{id}/items")
    @RolesAllowed({Roles.VOLUNTEER, Roles.STAFF, Roles.SHOP, Roles.ADMIN})
    @Operation(operationId = "listShopItems", summary = "A shop's catalogue, in id order (anyone signed in)")
    @APIResponse(responseCode = "200", description = "The items",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ItemView.class)))
    @APIResponse(responseCode = "404", description = "SHOP_NOT_FOUND")
    public List<ItemView> items(@PathParam("id") long id) {
        return tx.inNew(() -> shops.items(id).stream().map(ItemView::of).toList());
    }

    @PUT
    @Path("/{id}/items")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SHOP, Roles.ADMIN})
    @Operation(operationId = "setShopItems", summary = "Add and rewrite catalogue items (the shop's operator, admin)",
            description = "Items without an id are added; items with one are rewritten (name, price, stock, active). "
                    + "Items left out stay as they are: deactivate an item instead of dropping it. Returns the catalogue.")
    @APIResponse(responseCode = "200", description = "The catalogue after the change",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ItemView.class)))
    @APIResponse(responseCode = "404", description = "SHOP_NOT_FOUND")
    @APIResponse(responseCode = "422", description = "SHOP_ITEM_NOT_FOUND, SHOP_ITEM_DUPLICATE")
    @Idempotent
    public Response putItems(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") long id,
                             @Valid @NotNull @Size(max = 500) List<@Valid @NotNull ItemInput> items) {
        return idempotency.write(idempotencyKey, items,
                () -> Idempotency.Outcome.ok(shops.putItems(caller, id, items.stream().map(ItemInput::command).toList())
                        .stream().map(ItemView::of).toList()));
    }

    @GET
    @Path("/{id}/redemptions")
    @RolesAllowed({Roles.SHOP, Roles.ADMIN})
    @Operation(operationId = "listShopRedemptions", summary = "A shop's redemptions, newest first (its operator, admin)")
    @APIResponse(responseCode = "404", description = "SHOP_NOT_FOUND")
    @APIResponse(responseCode = "200", description = "A page of the shop's redemptions, newest first")
    public Page<RedemptionView> redemptions(@PathParam("id") long id,
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")) String limit,
            @QueryParam("cursor") String cursor) {
        Paging paging = Paging.of(limit, cursor);
        return tx.inNew(() -> redemptions.shopRedemptions(caller, id, paging)).map(RedemptionView::of);
    }

    @GET
    @Path("/{id}/statements")
    @RolesAllowed({Roles.SHOP, Roles.ADMIN})
    @Operation(operationId = "getShopStatement", summary = "A shop's statement for a month in Asia/Shanghai (its operator, admin); text/csv on request",
            description = "Every redemption captured and every refund made in the month, the sums, and the net points "
                    + "the shop is owed (redeemed less refunded): what the community fund settles.")
    @APIResponse(responseCode = "200", description = "The statement",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatementView.class)),
                    @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "INVALID_PERIOD")
    @APIResponse(responseCode = "404", description = "SHOP_NOT_FOUND")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public Response statement(@PathParam("id") long id,
            @QueryParam("period") @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{4}-[0-9]{2}$")) String period,
            @Context HttpHeaders headers) {
        YearMonth month = period(period);
        ShopStatement sums = tx.inNew(() -> redemptions.statement(caller, id, month));
        StatementView statement = StatementView.of(sums, checkpoints.latest().map(CheckpointView::of).orElse(null));
        boolean csv = headers.getAcceptableMediaTypes().stream()
                .anyMatch(m -> m.isCompatible(MediaType.valueOf(CSV)) && !m.isWildcardType());
        if (!csv) {
            return Response.ok(statement, MediaType.APPLICATION_JSON_TYPE).build();
        }
        StringBuilder text = new StringBuilder("type,id,redemption_id,volunteer_id,at,points\r\n");
        for (StatementLine l : statement.lines()) {
            text.append(l.type()).append(',').append(l.id()).append(',').append(l.redemptionId()).append(',')
                    .append(l.volunteerId()).append(',').append(l.at()).append(',')
                    .append(l.type().equals("REFUND") ? -l.points() : l.points()).append("\r\n");
        }
        text.append("NET,,,,,").append(statement.netPoints()).append("\r\n");
        CheckpointView cp = statement.ledgerCheckpoint();
        if (cp != null) {
            // printed below the sums, a name and a value per line, so a spreadsheet shows it as it is
            text.append("\r\nledger_checkpoint_seq,").append(cp.seq()).append("\r\n")
                    .append("ledger_checkpoint_hash,").append(cp.hash()).append("\r\n")
                    .append("ledger_checkpoint_signed_at,").append(cp.signedAt()).append("\r\n")
                    .append("ledger_checkpoint_key_id,").append(cp.keyId()).append("\r\n")
                    .append("ledger_checkpoint_signature,").append(cp.signature()).append("\r\n");
        }
        return Response.ok(text.toString(), CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"shop-" + id + "-" + month + ".csv\"").build();
    }

    private static YearMonth period(String period) {
        if (period == null || !period.matches("[0-9]{4}-(0[1-9]|1[0-2])")) {
            throw ApiException.badRequest("INVALID_PERIOD");
        }
        return YearMonth.parse(period);
    }
}
