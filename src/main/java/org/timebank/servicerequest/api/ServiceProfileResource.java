package org.timebank.servicerequest.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.timebank.common.ApiException;
import org.timebank.common.Idempotency;
import org.timebank.common.Idempotent;
import org.timebank.common.Roles;
import org.timebank.common.Tx;
import org.timebank.security.Caller;
import org.timebank.servicerequest.ServiceRequestService;
import org.timebank.servicerequest.api.ServiceRequestViews.ProfileView;
import org.timebank.servicerequest.api.ServiceRequestViews.PutProfile;
import org.timebank.servicerequest.domain.ServiceProfile;

/** A volunteer's entry in the resources list: skills and availability, declared by themselves. */
@Path("/api/v1/volunteers/{id}/service-profile")
@Tag(name = "Service requests")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceProfileResource {
    @Inject
    ServiceRequestService requests;
    @Inject
    Idempotency idempotency;
    @Inject
    Caller caller;
    @Inject
    Tx tx;

    @GET
    @RolesAllowed({Roles.VOLUNTEER, Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "getServiceProfile", summary = "A volunteer's skills and availability (themself, staff in scope, admin)")
    @APIResponse(responseCode = "200", description = "The profile", content = @Content(schema = @Schema(implementation = ProfileView.class)))
    @APIResponse(responseCode = "404", description = "VOLUNTEER_NOT_FOUND (also when not visible to the caller)")
    public ProfileView get(@PathParam("id") long id) {
        return ProfileView.of(tx.inNew(() -> requests.profile(caller, id)));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(operationId = "setServiceProfile", summary = "Declare one's skills and weekly availability (the volunteer themself)",
            description = "Replaces what was declared before. Slots are local time (Asia/Shanghai); a slot ends after it starts.")
    @APIResponse(responseCode = "200", description = "The profile now", content = @Content(schema = @Schema(implementation = ProfileView.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN")
    @APIResponse(responseCode = "422", description = "AVAILABILITY_SLOT_INVALID")
    @Idempotent
    public Response put(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") long id,
                        @Valid @NotNull PutProfile request) {
        return idempotency.write(idempotencyKey, request, () -> Idempotency.Outcome.ok(
                ProfileView.of(requests.putProfile(caller, profile(id, request)))));
    }

    private static ServiceProfile profile(long id, PutProfile request) {
        List<ServiceProfile.Slot> slots = request.availability().stream().map(s -> {
            LocalTime from = LocalTime.parse(s.from());
            LocalTime to = LocalTime.parse(s.to());
            if (!to.isAfter(from)) {
                throw ApiException.unprocessable("AVAILABILITY_SLOT_INVALID", s.weekday().name(), s.from(), s.to());
            }
            return new ServiceProfile.Slot(s.weekday(), from, to);
        }).toList();
        if (slots.stream().map(s -> s.weekday() + " " + s.startsAt()).distinct().count() < slots.size()) {
            throw ApiException.badRequest("VALIDATION_FAILED", "availability");
        }
        return new ServiceProfile(id, request.skills().stream().distinct().toList(), slots);
    }
}
