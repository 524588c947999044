package org.timebank.volunteer.api;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.timebank.common.Idempotency;
import org.timebank.common.Idempotent;
import org.timebank.common.Page;
import org.timebank.common.Paging;
import org.timebank.common.Roles;
import org.timebank.security.Caller;
import org.timebank.volunteer.VolunteerMoves;
import org.timebank.volunteer.VolunteerService;
import org.timebank.volunteer.api.VolunteerViews.BalanceView;
import org.timebank.volunteer.api.VolunteerViews.CreateVolunteer;
import org.timebank.volunteer.api.VolunteerViews.HistoryItem;
import org.timebank.volunteer.api.VolunteerViews.MoveRequest;
import org.timebank.volunteer.api.VolunteerViews.MoveView;
import org.timebank.volunteer.api.VolunteerViews.SearchVolunteers;
import org.timebank.volunteer.api.VolunteerViews.VolunteerView;

@Path("/api/v1/volunteers")
@Tag(name = "Volunteers", description = "Registration, balances and ledger history")
@Produces(MediaType.APPLICATION_JSON)
public class VolunteerResource {
    @Inject
    VolunteerService volunteers;
    @Inject
    VolunteerMoves moves;
    @Inject
    Idempotency idempotency;
    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "registerVolunteer", summary = "Register a volunteer (staff serving the home community, admin)",
            description = "Phone and ID numbers are stored encrypted and are unique. The volunteer's HOURS and "
                    + "POINTS accounts open with it.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = VolunteerView.class)))
    @APIResponse(responseCode = "409", description = "VOLUNTEER_PHONE_EXISTS, VOLUNTEER_ID_NUMBER_EXISTS")
    @APIResponse(responseCode = "422", description = "REGION_NOT_FOUND, NOT_A_COMMUNITY")
    @Idempotent
    public Response create(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @Valid @NotNull CreateVolunteer request) {
        return idempotency.write(idempotencyKey, request, () -> {
            VolunteerView created = VolunteerView.of(volunteers.create(caller, request.command()));
            return Idempotency.Outcome.created(URI.create("/api/v1/volunteers/" + created.id()), created);
        });
    }

    @POST
    @Path("/search")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "searchVolunteers",
            summary = "Find volunteers by phone number or by the start of their name (staff in scope, admin)",
            description = "Exactly one of `phone` (found exactly, through its keyed hash) and `namePrefix`. Staff find "
                    + "the volunteers whose home community lies under one of their regions, an admin finds any; "
                    + "anyone else is as if never registered. Ordered by name (Unicode code points), then id; paged "
                    + "with `?limit=&cursor=`. Shown as GET /volunteers/{id} shows them (personal numbers masked). "
                    + "A POST, so that phone numbers and names stay out of URLs (and so out of access logs, proxies "
                    + "and browser history); it changes nothing.")
    @APIResponse(responseCode = "400", description = "SEARCH_PHONE_OR_NAME_PREFIX; VALIDATION_FAILED (phone: "
            + "INVALID_PHONE; namePrefix: NAME_PREFIX_BLANK); INVALID_LIMIT, INVALID_CURSOR")
    @APIResponse(responseCode = "200", description = "A page of the volunteers found")
    public Page<VolunteerView> search(@Valid @NotNull SearchVolunteers request,
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")) String limit,
            @QueryParam("cursor") String cursor) {
        return volunteers.search(caller, request.command(), Paging.of(limit, cursor)).map(VolunteerView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.VOLUNTEER, Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "getVolunteer", summary = "Read a volunteer (self, staff in scope, admin); personal numbers masked")
    public VolunteerView get(@PathParam("id") long id) {
        return VolunteerView.of(volunteers.read(caller, id));
    }

    @GET
    @Path("/{id}/balance")
    @RolesAllowed({Roles.VOLUNTEER, Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "getVolunteerBalance", summary = "Hours, points and star level (self, staff in scope, admin)")
    public BalanceView balance(@PathParam("id") long id) {
        return BalanceView.of(volunteers.balance(caller, id));
    }

    @GET
    @Path("/{id}/transactions")
    @RolesAllowed({Roles.VOLUNTEER, Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "listVolunteerTransactions", summary = "The volunteer's ledger history, newest first (self, staff in scope, admin)")
    public Page<HistoryItem> transactions(@PathParam("id") long id,
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")) String limit,
            @QueryParam("cursor") String cursor) {
        return volunteers.history(caller, id, Paging.of(limit, cursor)).map(HistoryItem::of);
    }

    @POST
    @Path("/{id}/moves")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "moveVolunteer",
            summary = "Move a volunteer to another home community (staff of the old or the new community, admin)",
            description = "The wallets move with the volunteer (通存通兑): balances and history are untouched. From "
                    + "the move on, the volunteer counts on the new community's leaderboards (their scores of the "
                    + "current periods with them) and the rules along the new community's path apply (points expiry, "
                    + "redemption threshold, hour gifts). Staff serving only the new community also give the "
                    + "volunteer's `phone`. Audited: GET /volunteers/{id}/moves.")
    @APIResponse(responseCode = "201", description = "Moved",
            content = @Content(schema = @Schema(implementation = MoveView.class)))
    @APIResponse(responseCode = "404", description = "VOLUNTEER_NOT_FOUND (also when the caller serves neither "
            + "community, or serves only the new one and the phone is not the volunteer's)")
    @APIResponse(responseCode = "422", description = "REGION_NOT_FOUND, NOT_A_COMMUNITY, ALREADY_IN_COMMUNITY, "
            + "MOVE_PHONE_REQUIRED, MOVE_PHONE_MISMATCH")
    @Idempotent
    public Response move(@PathParam("id") long id, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                         @Valid @NotNull MoveRequest request) {
        return idempotency.write(idempotencyKey, request,
                () -> Idempotency.Outcome.created(URI.create("/api/v1/volunteers/" + id + "/moves"),
                        MoveView.of(moves.move(caller, id, request.command()))));
    }

    @GET
    @Path("/{id}/moves")
    @RolesAllowed({Roles.VOLUNTEER, Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "listVolunteerMoves",
            summary = "The volunteer's moves of home community, newest first (self, staff in scope, admin)")
    public Page<MoveView> moves(@PathParam("id") long id,
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")) String limit,
            @QueryParam("cursor") String cursor) {
        return moves.history(caller, id, Paging.of(limit, cursor)).map(MoveView::of);
    }
}
