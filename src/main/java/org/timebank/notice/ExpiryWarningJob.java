package org.timebank.notice;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.timebank.common.Times;
import org.timebank.common.Tx;
import org.timebank.expiry.PointsExpiryService;
import org.timebank.expiry.domain.PointsExpiry;
import org.timebank.notice.domain.NewNotice;
import org.timebank.notice.domain.NoticeKind;
import org.timebank.notice.persistence.NoticeStore;

/**
 * Warns volunteers whose points expire within their region's warning days (the nearest rule on the
 * home path). The notice of one expiry (its points and instant) is written once: its event id names
 * the volunteer and the instant, and the outbox keeps one notice per event. Safe on every replica at
 * once for the same reason; each volunteer is noticed in a transaction of its own.
 */
@ApplicationScoped
public class ExpiryWarningJob {
    static final int BATCH = 200;

    @Inject
    NoticeStore store;
    @Inject
    PointsExpiryService expiry;
    @Inject
    Notices notices;
    @Inject
    Tx tx;

    @Scheduled(every = "${timebank.notice.expiry-warning-every}", delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void warnOnSchedule() {
        warn(Instant.now());
    }

    /** Writes the warnings due at {@code now}; returns how many volunteers were considered due. */
    public int warn(Instant now) {
        int due = 0;
        long after = 0;
        List<NoticeStore.Warnable> page;
        do {
            long from = after;
            page = tx.inNew(() -> store.warnable(from, BATCH));
            for (NoticeStore.Warnable w : page) {
                boolean warned = tx.inNew(() -> {
                    Optional<PointsExpiry.NextExpiry> next = expiry.next(w.homePath(), w.walletId(), w.debitsPosted());
                    if (next.isEmpty() || next.get().at().isAfter(now.plus(Duration.ofDays(w.days())))
                            || !next.get().at().isAfter(now)) {
                        return false;
                    }
                    PointsExpiry.NextExpiry n = next.get();
                    notices.enqueue(new NewNotice(w.volunteerId(), NoticeKind.POINTS_EXPIRING,
                            w.volunteerId() + "@" + n.at().getEpochSecond(),
                            Map.of("points", Long.toString(n.points()),
                                    "expiresAt", Times.local(n.at().atOffset(ZoneOffset.UTC)).toString())));
                    return true;
                });
                if (warned) {
                    due++;
                }
                after = w.volunteerId();
            }
        } while (page.size() == BATCH);
        return due;
    }
}
