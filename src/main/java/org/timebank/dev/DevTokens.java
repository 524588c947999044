package org.timebank.dev;

import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.jwt.build.Jwt;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.timebank.common.ApiException;
import org.timebank.common.Roles;

/**
 * Dev and test only (not built into the production jar): demo tokens signed with the demo key pair
 * in src/main/dev, for trying the API in Swagger UI (paste a token into "Authorize") and for the web
 * app's sign-in picker, in dev mode and in its browser tests. Listing them loads the demo data.
 */
@IfBuildProfile(anyOf = {"dev", "test"})
@Path("/dev/tokens")
@Tag(name = "Dev tokens (dev mode only)")
@PermitAll
public class DevTokens {
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;
    @Inject
    DemoData demo;

    public record DemoToken(String who, String subject, Set<String> groups, List<Long> regions, String shop,
                            String token) {}

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getDevTokens", summary = "Demo tokens for every role (dev mode only)",
            description = "Without parameters: one token per demo user. With `subject` and `groups` "
                    + "(comma-separated) and optionally `regions` (comma-separated ids) and `shop`: that token.")
    public List<DemoToken> tokens(@QueryParam("subject") String subject, @QueryParam("groups") String groups,
                                  @QueryParam("regions") String regions, @QueryParam("shop") String shop) {
        if (subject != null || groups != null) {
            if (subject == null || subject.isBlank() || groups == null || groups.isBlank()) {
                throw ApiException.badRequest("INVALID_PARAMETER", "subject, groups");
            }
            List<Long> regionIds = new ArrayList<>();
            if (regions != null && !regions.isBlank()) {
                for (String r : regions.split(",")) {
                    try {
                        regionIds.add(Long.valueOf(r.strip()));
                    } catch (NumberFormatException e) {
                        throw ApiException.badRequest("INVALID_PARAMETER", "regions");
                    }
                }
            }
            Set<String> g = new LinkedHashSet<>(Arrays.stream(groups.split(",")).map(String::strip).toList());
            return List.of(mint("custom", subject.strip(), g, regionIds, shop));
        }
        DemoData.Ids ids = demo.ensureLoaded();
        return List.of(
                mint("administrator (whole programme)", "admin-demo", Set.of(Roles.ADMIN), List.of(), null),
                mint("staff of 后湖街道 (serves both its communities)", "staff-houhu", Set.of(Roles.STAFF),
                        List.of(ids.houhuStreet()), null),
                mint("staff of 首义社区 only", "staff-shouyi", Set.of(Roles.STAFF), List.of(ids.shouyiCommunity()), null),
                mint("volunteer 张晓明", Long.toString(ids.zhang()), Set.of(Roles.VOLUNTEER), List.of(), null),
                mint("volunteer 李华", Long.toString(ids.li()), Set.of(Roles.VOLUNTEER), List.of(), null),
                mint("volunteer 王芳, who is also staff of 首义社区", Long.toString(ids.wang()),
                        Set.of(Roles.VOLUNTEER, Roles.STAFF), List.of(ids.shouyiCommunity()), null),
                mint("operator of shop 首义爱心超市", "shop-demo", Set.of(Roles.SHOP), List.of(), Long.toString(ids.shop())));
    }

    private DemoToken mint(String who, String subject, Set<String> groups, List<Long> regions, String shop) {
        var builder = Jwt.issuer(issuer).subject(subject).groups(groups).expiresIn(Duration.ofHours(12));
        if (!regions.isEmpty()) {
            builder.claim("regions", regions);
        }
        if (shop != null && !shop.isBlank()) {
            builder.claim("shop", shop);
        }
        return new DemoToken(who, subject, groups, regions, shop, builder.sign());
    }
}
