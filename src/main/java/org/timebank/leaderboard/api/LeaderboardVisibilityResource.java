package org.timebank.leaderboard.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.timebank.common.Roles;
import org.timebank.leaderboard.LeaderboardService;
import org.timebank.leaderboard.api.LeaderboardViews.Visibility;
import org.timebank.security.Caller;

/** Whether a volunteer shows on public boards: under the volunteer's path, owned by the boards it governs. */
@Path("/api/v1/volunteers/{id}/leaderboard-visibility")
@Tag(name = "Volunteers")
@Produces(MediaType.APPLICATION_JSON)
public class LeaderboardVisibilityResource {
    @Inject
    LeaderboardService leaderboards;
    @Inject
    Caller caller;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VOLUNTEER, Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "setLeaderboardVisibility", summary = "Show the volunteer on public leaderboards or keep them off (self, staff in scope, admin)",
            description = "Off the boards, the volunteer still sees their own rank. Setting the current value again "
                    + "changes nothing.")
    public Visibility set(@PathParam("id") long id, @Valid @NotNull Visibility request) {
        return new Visibility(leaderboards.setShown(caller, id, request.shownOnBoards()));
    }
}
