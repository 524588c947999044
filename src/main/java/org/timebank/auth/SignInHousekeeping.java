package org.timebank.auth;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.timebank.auth.persistence.SignInStore;
import org.timebank.common.Metrics;
import org.timebank.common.Tx;

/**
 * Deletes binding tickets and refresh tokens that can no longer be used, purge-grace after they
 * expired or were revoked. Safe on every replica at once: each batch runs under a schema-scoped
 * advisory lock and skips rows a sign-in holds.
 */
@ApplicationScoped
public class SignInHousekeeping {
    static final int BATCH = 1000;

    @Inject
    SignInStore store;
    @Inject
    AuthConfig config;
    @Inject
    Tx tx;

    /** One purge: the binding tickets and refresh tokens it deleted. */
    public record Purged(int tickets, int refreshTokens) {}

    @Scheduled(every = "${timebank.auth.purge-every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purgeOnSchedule() {
        purge(Instant.now());
    }

    /** Deletes what expired or was revoked more than purge-grace before {@code now}. */
    public Purged purge(Instant now) {
        Instant before = now.minus(config.purgeGrace());
        int tickets = tx.drain(BATCH, () -> store.purgeTickets(before, BATCH));
        int refreshTokens = tx.drain(BATCH, () -> store.purgeRefreshTokens(before, BATCH));
        if (tickets + refreshTokens > 0) {
            Metrics.count("timebank.auth.purged", tickets, "kind", "binding_ticket");
            Metrics.count("timebank.auth.purged", refreshTokens, "kind", "refresh_token");
        }
        return new Purged(tickets, refreshTokens);
    }
}
