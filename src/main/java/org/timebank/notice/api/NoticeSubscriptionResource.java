package org.timebank.notice.api;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.timebank.common.Idempotency;
import org.timebank.common.Idempotent;
import org.timebank.common.Roles;
import org.timebank.common.Tx;
import org.timebank.notice.NoticeSubscriptions;
import org.timebank.notice.api.NoticeViews.RecordSubscriptions;
import org.timebank.notice.api.NoticeViews.SubscriptionsView;
import org.timebank.security.Caller;

/** Which WeChat subscription messages a volunteer agreed to receive. */
@Path("/api/v1/volunteers/{id}/notice-subscriptions")
@Tag(name = "Volunteers")
@Produces(MediaType.APPLICATION_JSON)
public class NoticeSubscriptionResource {
    @Inject
    NoticeSubscriptions subscriptions;
    @Inject
    Idempotency idempotency;
    @Inject
    Caller caller;
    @Inject
    Tx tx;

    @GET
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(operationId = "listNoticeSubscriptions", summary = "The subscription message templates and what the "
            + "volunteer granted (self only)",
            description = "Every template this service sends, the kind of notice it carries, and the messages the "
                    + "volunteer's acceptances still allow: the mini-program asks again (wx.requestSubscribeMessage) "
                    + "for templates with no grant left.")
    public SubscriptionsView list(@PathParam("id") long id) {
        return tx.inNew(() -> SubscriptionsView.of(subscriptions.list(caller, id)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(operationId = "recordNoticeSubscriptions", summary = "Record what the volunteer chose in "
            + "wx.requestSubscribeMessage (self only; Idempotency-Key required)",
            description = "Each ACCEPT of a one-time template allows one more message of it; ACCEPT with always=true "
                    + "on a long-term template allows every message of it; REJECT with always=true and BAN take every "
                    + "grant of the template away; a plain REJECT changes nothing. The key is required because a "
                    + "repeated acceptance would otherwise count twice.")
    @APIResponse(responseCode = "200", description = "Every template with its grants now",
            content = @Content(schema = @Schema(implementation = SubscriptionsView.class)))
    @APIResponse(responseCode = "422", description = "NOTICE_TEMPLATE_UNKNOWN, NOTICE_TEMPLATE_NOT_LONG_TERM, "
            + "IDEMPOTENCY_KEY_REUSED")
    @Idempotent(keyRequired = true)
    public Response record(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") long id,
                           @Valid @NotNull RecordSubscriptions request) {
        return idempotency.write(idempotencyKey, request, () -> Idempotency.Outcome.ok(
                SubscriptionsView.of(subscriptions.record(caller, id, request.commands()))));
    }
}
