package org.timebank.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A malformed {@code Idempotency-Key} on a write is refused before anything runs, whatever the
 * endpoint: an empty or blank key sent by a client that meant to send one must not be taken as
 * "no key" (two such calls would then act twice), and the body need not be valid to learn that.
 */
public class IdempotencyKeyCheck {
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        if (!WRITES.contains(request.getMethod())) {
            return;
        }
        List<String> keys = request.getHeaders().get(Idempotency.HEADER);
        if (keys == null) {
            return;
        }
        if (keys.size() != 1 || !Idempotency.isValidKey(keys.get(0))) {
            throw ApiException.badRequest("IDEMPOTENCY_KEY_INVALID");
        }
    }
}
