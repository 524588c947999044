package org.timebank.servicerequest.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.timebank.common.Roles;
import org.timebank.common.Tx;
import org.timebank.security.Caller;
import org.timebank.servicerequest.ServiceRequestService;
import org.timebank.servicerequest.domain.HoursLiability;

/** The bank's liability in stored hours over a region's subtree. */
@Path("/api/v1/regions/{id}/hours-liability")
@Tag(name = "Service requests")
@Produces(MediaType.APPLICATION_JSON)
public class HoursLiabilityResource {
    @Inject
    ServiceRequestService requests;
    @Inject
    Caller caller;
    @Inject
    Tx tx;

    @Schema(name = "MonthlyWithdrawals")
    public record MonthView(@Schema(example = "2026-11") String month, long withdrawnMinutes, long requests) {}

    @Schema(name = "HoursLiability", description = "Stored hours owed over a region's subtree, in minutes")
    public record LiabilityView(
            long regionId,
            @Schema(description = "confirmed by the subtree's communities (HOURS issuance, net of reversals)")
            long depositedMinutes,
            @Schema(description = "posted for services given in the subtree, under BANK and MUTUAL_AID")
            long withdrawnMinutes,
            @Schema(description = "outstanding: in the HOURS wallets of volunteers homed in the subtree")
            long storedMinutes,
            @Schema(description = "of the stored minutes, those promised to accepted requests and not yet spent")
            long heldMinutes,
            @Schema(description = "stored and not promised") long availableMinutes,
            @Schema(description = "in the subtree's communities' pools") long poolMinutes,
            @Schema(description = "the last 12 calendar months (Asia/Shanghai), oldest first") List<MonthView> months) {
        static LiabilityView of(HoursLiability l) {
            return new LiabilityView(l.regionId(), l.depositedMinutes(), l.withdrawnMinutes(), l.storedMinutes(),
                    l.heldMinutes(), l.availableMinutes(), l.poolMinutes(),
                    l.months().stream().map(m -> new MonthView(m.month(), m.withdrawnMinutes(), m.requests())).toList());
        }
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "getHoursLiability", summary = "The bank's liability in stored hours over a region's subtree "
            + "(staff serving the region, admin)")
    @APIResponse(responseCode = "200", description = "The liability", content = @Content(schema = @Schema(implementation = LiabilityView.class)))
    @APIResponse(responseCode = "403", description = "NOT_IN_SCOPE")
    @APIResponse(responseCode = "404", description = "REGION_NOT_FOUND")
    public LiabilityView get(@PathParam("id") long id) {
        return LiabilityView.of(tx.inNew(() -> requests.liability(caller, id)));
    }
}
