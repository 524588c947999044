package org.timebank.hours.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.timebank.common.Tx;
import org.timebank.hours.BudgetService;
import org.timebank.hours.ConversionRuleService;
import org.timebank.hours.api.BudgetViews.BudgetView;
import org.timebank.hours.api.BudgetViews.Funding;
import org.timebank.hours.api.BudgetViews.FundingEntry;
import org.timebank.hours.api.HoursViews.PutConversionRules;
import org.timebank.hours.api.HoursViews.RuleSetView;
import org.timebank.hours.api.HoursViews.RulesView;
import org.timebank.security.Caller;

/** How a region turns hours into points: its conversion rules and, for a community, its budget. */
@Path("/api/v1/regions/{id}")
@Tag(name = "Conversion rules and budgets")
@Produces(MediaType.APPLICATION_JSON)
public class RegionHoursResource {
    @Inject
    ConversionRuleService rules;
    @Inject
    BudgetService budgets;
    @Inject
    Idempotency idempotency;
    @Inject
    Caller caller;
    @Inject
    Tx tx;

    @GET
    @Path("/conversion-rules")
    @RolesAllowed({Roles.VOLUNTEER, Roles.STAFF, Roles.SHOP, Roles.ADMIN})
    @Operation(operationId = "getConversionRules", summary = "The conversion rules in force for a region, and its own versions (anyone signed in)")
    public RulesView getRules(@PathParam("id") long id) {
        return tx.inNew(() -> RulesView.of(rules.get(id)));
    }

    @PUT
    @Path("/conversion-rules")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "setConversionRules", summary = "Set a new version of a region's conversion rules (admin)",
            description = "Versions are never changed: this appends one, in force from effectiveFrom for service in the region "
                    + "and in every region below it without rules of its own. Points = credited minutes x points per hour "
                    + "/ 60, rounded as `rounding` says; credited minutes are the served minutes counted down to whole units "
                    + "of `granularityMinutes`. The version id is recorded on every approval posted under it. A version "
                    + "dated before the one current for the region (its own latest, or the one it inherits) would change "
                    + "how pending claims of that earlier period convert: it is refused with CONVERSION_RULE_BACKDATED "
                    + "unless `backdated` is true, and then governs, for claims not yet approved, service from "
                    + "effectiveFrom until the next version takes effect. Approved claims keep their version.")
    @APIResponse(responseCode = "200", description = "The new version",
            content = @Content(schema = @Schema(implementation = RuleSetView.class)))
    @APIResponse(responseCode = "422", description = "CONVERSION_RULE_BACKDATED")
    @Idempotent
    public Response putRules(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") long id,
                             @Valid @NotNull PutConversionRules request) {
        return idempotency.write(idempotencyKey, request,
                () -> Idempotency.Outcome.ok(RuleSetView.of(rules.put(id, request.command(), caller.subject()))));
    }

    @GET
    @Path("/budget")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "getBudget", summary = "A community's points budget (staff serving it, admin)")
    public BudgetView budget(@PathParam("id") long id) {
        return tx.inNew(() -> BudgetView.of(budgets.view(caller, id)));
    }

    @GET
    @Path("/budget-fundings")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "listBudgetFundings",
            summary = "A community's budget fundings, newest first (staff serving it, admin)",
            description = "Each payment from the community fund into the budget, with its memo and who made it; a "
                    + "funding taken back by a ledger reversal shows as a negative entry. Empty for a community "
                    + "never funded.")
    @APIResponse(responseCode = "200", description = "A page of the fundings, newest first")
    @APIResponse(responseCode = "404", description = "REGION_NOT_FOUND (also outside the caller's regions)")
    @APIResponse(responseCode = "422", description = "NOT_A_COMMUNITY")
    public Page<FundingEntry> fundings(@PathParam("id") long id,
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")) String limit,
            @QueryParam("cursor") String cursor) {
        return tx.inNew(() -> budgets.fundings(caller, id, Paging.of(limit, cursor)).map(FundingEntry::of));
    }

    @POST
    @Path("/budget-fundings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "fundBudget", summary = "Pay points from the community fund into the community's budget (admin; Idempotency-Key required)",
            description = "The first funding gives the community a budget: from then on its approvals draw their points "
                    + "from it and fail with BUDGET_EXHAUSTED when it cannot pay.")
    @APIResponse(responseCode = "201", description = "Funded",
            content = @Content(schema = @Schema(implementation = BudgetView.class)))
    @APIResponse(responseCode = "422", description = "NOT_A_COMMUNITY")
    @Idempotent(keyRequired = true)
    public Response fund(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") long id,
                         @Valid @NotNull Funding request) {
        return idempotency.write(idempotencyKey, request,
                () -> Idempotency.Outcome.created(URI.create("/api/v1/regions/" + id + "/budget"),
                        BudgetView.of(budgets.fund(id, request.command(), caller.subject()))));
    }
}
