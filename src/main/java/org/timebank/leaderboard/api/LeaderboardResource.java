package org.timebank.leaderboard.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.timebank.common.ApiException;
import org.timebank.common.QueryParams;
import org.timebank.common.Roles;
import org.timebank.leaderboard.LeaderboardService;
import org.timebank.leaderboard.api.LeaderboardViews.BoardView;
import org.timebank.leaderboard.api.LeaderboardViews.RankView;
import org.timebank.leaderboard.domain.LeaderboardMetric;
import org.timebank.leaderboard.domain.LeaderboardPeriod;
import org.timebank.security.Caller;

@Path("/api/v1/leaderboards")
@Tag(name = "Leaderboards", description = "Top volunteers of a region's subtree, and one volunteer's rank")
@Produces(MediaType.APPLICATION_JSON)
public class LeaderboardResource {
    @Inject
    LeaderboardService leaderboards;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.VOLUNTEER, Roles.STAFF, Roles.SHOP, Roles.ADMIN})
    @Operation(operationId = "getLeaderboard", summary = "The top volunteers of a region's subtree (anyone signed in)",
            description = "Volunteers whose home community lies in the region's subtree, for the current WEEK (from "
                    + "Monday), MONTH or YEAR on the Asia/Shanghai calendar, or ALL time, by confirmed minutes served "
                    + "(HOURS) or points earned (POINTS): approved claims by their service day, a reversed claim no "
                    + "longer counting. Best first; equal values share a rank and are listed by volunteer id. Names "
                    + "are masked; volunteers who opted out are left out. An approval shows within a second.")
    @APIResponse(responseCode = "400", description = "INVALID_PARAMETER (regionId, period, metric, limit)")
    @APIResponse(responseCode = "404", description = "REGION_NOT_FOUND")
    @APIResponse(responseCode = "200", description = "The board")
    public BoardView board(
            @QueryParam("regionId") @Parameter(required = true, schema = @Schema(type = SchemaType.INTEGER, format = "int64")) String regionId,
            @QueryParam("period") @Parameter(schema = @Schema(implementation = LeaderboardPeriod.class, defaultValue = "MONTH")) String period,
            @QueryParam("metric") @Parameter(schema = @Schema(implementation = LeaderboardMetric.class, defaultValue = "HOURS")) String metric,
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "50")) String limit) {
        return BoardView.of(leaderboards.board(caller, required("regionId", regionId), period(period), metric(metric),
                LeaderboardService.limit(limit)));
    }

    @GET
    @Path("/rank")
    @RolesAllowed({Roles.VOLUNTEER, Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "getLeaderboardRank", summary = "One volunteer's rank and value on a board (the volunteer, staff in scope, admin)",
            description = "The same board as GET /leaderboards. volunteerId defaults to the calling volunteer. A "
                    + "volunteer who opted out of public boards still sees where they would stand.")
    @APIResponse(responseCode = "400", description = "INVALID_PARAMETER (regionId, period, metric, volunteerId)")
    @APIResponse(responseCode = "404", description = "REGION_NOT_FOUND, VOLUNTEER_NOT_FOUND")
    @APIResponse(responseCode = "422", description = "VOLUNTEER_NOT_IN_REGION")
    @APIResponse(responseCode = "200", description = "The volunteer's rank")
    public RankView rank(
            @QueryParam("regionId") @Parameter(required = true, schema = @Schema(type = SchemaType.INTEGER, format = "int64")) String regionId,
            @QueryParam("period") @Parameter(schema = @Schema(implementation = LeaderboardPeriod.class, defaultValue = "MONTH")) String period,
            @QueryParam("metric") @Parameter(schema = @Schema(implementation = LeaderboardMetric.class, defaultValue = "HOURS")) String metric,
            @QueryParam("volunteerId") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64")) String volunteerId) {
        Long volunteer = QueryParams.id("volunteerId", volunteerId);
        if (volunteer == null) {
            volunteer = caller.volunteerId();
        }
        if (volunteer == null) {
            throw ApiException.badRequest("INVALID_PARAMETER", "volunteerId");
        }
        return RankView.of(leaderboards.rank(caller, required("regionId", regionId), period(period), metric(metric),
                volunteer));
    }

    private static long required(String name, String value) {
        Long id = QueryParams.id(name, value);
        if (id == null) {
            throw ApiException.badRequest("INVALID_PARAMETER", name);
        }
        return id;
    }

    private static LeaderboardPeriod period(String value) {
        LeaderboardPeriod p = QueryParams.oneOf(LeaderboardPeriod.class, "period", value);
        return p == null ? LeaderboardPeriod.MONTH : p;
    }

    private static LeaderboardMetric metric(String value) {
        LeaderboardMetric m = QueryParams.oneOf(LeaderboardMetric.class, "metric", value);
        return m == null ? LeaderboardMetric.HOURS : m;
    }
}
