package org.timebank.webapp;

import io.quarkus.runtime.LaunchMode;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * What the web app reads before it signs anyone in: whether to offer the demo identities of
 * {@code /dev/tokens} (dev and test) and which identity provider to sign in with. The web app's
 * own, so it stays out of the API's OpenAPI document.
 */
@Path("/app-config.json")
@PermitAll
public class AppConfigResource {
    @Inject
    WebConfig config;

    /** {@code oidc} is null when no identity provider is configured. */
    public record AppConfig(boolean devMode, IdentityProvider oidc) {
        static AppConfig of(LaunchMode mode, Optional<IdentityProvider> identityProvider) {
            return new AppConfig(mode.isDevOrTest(), identityProvider.orElse(null));
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response get() {
        AppConfig body = AppConfig.of(LaunchMode.current(), IdentityProvider.configured(config));
        // a deployment may change it without a new release of the app
        return Response.ok(body).header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
    }
}
