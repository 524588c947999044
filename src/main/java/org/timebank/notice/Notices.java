package org.timebank.notice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.timebank.common.Times;
import org.timebank.hours.domain.ClaimApproved;
import org.timebank.hours.domain.ClaimRejected;
import org.timebank.notice.domain.NewNotice;
import org.timebank.notice.domain.NoticeKind;
import org.timebank.notice.persistence.NoticeStore;
import org.timebank.redemption.domain.PointsRefunded;

/**
 * The outbox's published interface: {@link #enqueue} writes a notice in the caller's transaction, so
 * that it exists exactly when the event that causes it commits. Another feature notices an event of
 * its own with one line in the transaction that makes it, e.g. issue 13's acceptance of a service
 * request:
 *
 * <pre>notices.enqueue(new NewNotice(request.requesterId(), NoticeKind.SERVICE_REQUEST_ACCEPTED,
 *         Long.toString(request.id()), Map.of("title", request.title(), "acceptedBy", name)));</pre>
 *
 * The hours and redemption features raise CDI events instead, observed here, so that they need not
 * know of notices.
 */
@ApplicationScoped
public class Notices {
    @Inject
    NoticeStore store;
    @Inject
    NoticeConfig config;
    @Inject
    ObjectMapper json;

    /**
     * Writes the notice through every channel it goes by: WeChat, if the kind has a template and the
     * volunteer has a grant for it (one one-time grant is taken); the webhook of the nearest region on
     * the volunteer's home path that has one. The writes are deferred: they go with the transaction's
     * next statement, and an event noticed twice (same kind and event id) is written once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(NewNotice notice) {
        String payload = payload(notice);
        template(notice.kind()).ifPresent(template -> store.enqueueWeChat(notice, template, payload));
        store.enqueueWebhook(notice, payload);
    }

    /** The WeChat template a kind is sent with, if it has one. */
    Optional<String> template(NoticeKind kind) {
        return NoticeConfig.of(config.wechat().templates(), kind);
    }

    private String payload(NewNotice notice) {
        try {
            return json.writeValueAsString(new TreeMap<>(notice.payload()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onApproved(@Observes ClaimApproved approved) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("claimId", Long.toString(approved.claimId()));
        p.put("serviceStart", Times.local(approved.startsAt()).toString());
        p.put("minutes", Long.toString(approved.creditedMinutes()));
        p.put("points", Long.toString(approved.points()));
        enqueue(new NewNotice(approved.volunteerId(), NoticeKind.CLAIM_APPROVED, Long.toString(approved.claimId()), p));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onRejected(@Observes ClaimRejected rejected) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("claimId", Long.toString(rejected.claimId()));
        p.put("serviceStart", Times.local(rejected.startsAt()).toString());
        p.put("minutes", Long.toString(rejected.minutes()));
        p.put("reason", rejected.reason() == null ? "" : rejected.reason());
        enqueue(new NewNotice(rejected.volunteerId(), NoticeKind.CLAIM_REJECTED, Long.toString(rejected.claimId()), p));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onRefunded(@Observes PointsRefunded refunded) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("refundId", Long.toString(refunded.refundId()));
        p.put("redemptionId", Long.toString(refunded.redemptionId()));
        p.put("shopId", Long.toString(refunded.shopId()));
        p.put("points", Long.toString(refunded.points()));
        enqueue(new NewNotice(refunded.volunteerId(), NoticeKind.REDEMPTION_REFUNDED, Long.toString(refunded.refundId()),
                p));
    }
}
