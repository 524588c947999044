package org.timebank.auth.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.timebank.auth.ServiceKeys;

@Path("/.well-known/jwks.json")
@Tag(name = "Sign-in")
@PermitAll
public class JwksResource {
    @Inject
    ServiceKeys keys;

    @GET
    @Operation(operationId = "getJwks", summary = "The public keys of the tokens this service issues (JWK Set)",
            description = "The current signing key and the earlier ones still trusted, each named by its `kid`, so "
                    + "that a key rotation logs nobody out.")
    @APIResponse(responseCode = "200", description = "The JWK Set (RFC 7517)",
            content = @Content(mediaType = "application/jwk-set+json", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)))
    public Response jwks() {
        return Response.ok(keys.jwks(), "application/jwk-set+json").header("Cache-Control", "public, max-age=300").build();
    }
}
