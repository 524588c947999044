package org.timebank.notice.api;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.timebank.common.Idempotency;
import org.timebank.common.Idempotent;
import org.timebank.common.RegionRuleResource;
import org.timebank.common.Roles;
import org.timebank.notice.NoticeSettings;
import org.timebank.notice.api.NoticeViews.PutWebhook;
import org.timebank.notice.api.NoticeViews.WebhookView;
import org.timebank.security.Caller;

/** A region's signed webhook for notices. */
@Path("/api/v1/regions/{id}/notice-webhook")
@Tag(name = "Regions")
@Produces(MediaType.APPLICATION_JSON)
public class NoticeWebhookResource extends RegionRuleResource<WebhookView, PutWebhook> {
    @Inject
    NoticeSettings settings;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "getNoticeWebhook", summary = "The notice webhook in force for a region and where it comes "
            + "from (staff, admin); never its secret")
    public WebhookView get(@PathParam("id") long id) {
        return read(id);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "setNoticeWebhook", summary = "Set or remove a region's notice webhook (admin)",
            description = "Every notice to a volunteer whose home community is in the region, and has no nearer "
                    + "webhook, is also POSTed there as JSON `{id, kind, volunteerId, occurredAt, data}` with headers "
                    + "X-Timebank-Notice-Id (the same on a repeat: drop duplicates by it), X-Timebank-Timestamp (Unix "
                    + "seconds) and X-Timebank-Signature `t=<timestamp>,v1=<hex HMAC-SHA256 of timestamp + \".\" + body "
                    + "under the secret>`. A 2xx answer delivers it, 410 ends it, anything else is retried with "
                    + "exponential backoff. A null url removes the region's own webhook.")
    @APIResponse(responseCode = "200", description = "The webhook now in force",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "422", description = "WEBHOOK_SECRET_REQUIRED, IDEMPOTENCY_KEY_REUSED")
    @Idempotent
    public Response put(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") long id,
                        @Valid @NotNull PutWebhook request) {
        return write(idempotencyKey, id, request);
    }

    @Override
    protected WebhookView inForce(long regionId) {
        return WebhookView.of(settings.webhookInForce(regionId));
    }

    @Override
    protected WebhookView set(long regionId, PutWebhook request) {
        return WebhookView.of(settings.putWebhook(regionId, request.url(), request.secret(), caller.subject()));
    }
}
