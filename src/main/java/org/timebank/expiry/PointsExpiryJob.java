package org.timebank.expiry;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.timebank.common.Tx;

/**
 * Expires due points. Safe on every replica at once: each wallet is expired in its own
 * transaction under its row lock, and what is due is computed after the lock.
 */
@ApplicationScoped
public class PointsExpiryJob {
    @Inject
    PointsExpiryService expiry;
    @Inject
    ExpiryConfig config;
    @Inject
    Tx tx;

    /** One run: the wallets that lost points and the points they lost. */
    public record Run(int wallets, long points) {}

    @Scheduled(every = "${timebank.expiry.every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void expireOnSchedule() {
        expireDue(Instant.now());
    }

    /** Expires what is due at {@code now} in every wallet under a rule. */
    public Run expireDue(Instant now) {
        int wallets = 0;
        long points = 0;
        long after = 0;
        List<Long> page;
        do {
            long from = after;
            page = tx.inNew(() -> expiry.walletsWithDue(now, from, config.batch()));
            for (long wallet : page) {
                long expired = tx.inNew(() -> expiry.expire(wallet, now));
                if (expired > 0) {
                    wallets++;
                    points += expired;
                }
                after = wallet;
            }
        } while (page.size() == config.batch());
        return new Run(wallets, points);
    }
}
