package org.timebank.notice;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.timebank.common.Metrics;
import org.timebank.common.Tx;
import org.timebank.notice.domain.Backoff;
import org.timebank.notice.domain.Delivery;
import org.timebank.notice.domain.NoticeKind;
import org.timebank.notice.domain.TemplateFields;
import org.timebank.notice.domain.WebhookSignature;
import org.timebank.notice.persistence.NoticeStore;
import org.timebank.notice.persistence.NoticeStore.Claimed;
import org.timebank.wechat.WechatClient;

/**
 * Delivers due notices; safe on every replica at once. A notice is first claimed in a short
 * transaction of its own (FOR UPDATE SKIP LOCKED: replicas share the queue and never wait on each
 * other), which marks it SENDING with a lease and counts the attempt; only then is the HTTP call
 * made, outside any transaction; its outcome is recorded in another, fenced by the attempt number,
 * so a late outcome of an expired claim changes nothing.
 *
 * <p><b>What holds</b> (README "Notices"). No notice is lost: it is written with its event, and stays
 * PENDING or SENDING until an outcome is recorded; a dispatcher that dies mid-send leaves it SENDING,
 * and when the lease ends it is due again. While a lease runs no other dispatcher sends the notice,
 * so the service never sends one notice twice at once, nor again after recording its outcome.
 * Delivery is at least once, not exactly once: WeChat's send has no idempotency key, so a dispatcher
 * that dies after WeChat accepted the message and before recording it sends it again when the lease
 * ends. The message then carries the same dedup id (in its page, {@code ?notice=}), which lets the
 * mini-program show it once; webhooks carry it as {@code X-Timebank-Notice-Id} for the receiver to
 * drop the repeat. A lease that expires on the last attempt ends the notice FAILED rather than risk
 * yet another repeat.
 */
@ApplicationScoped
public class NoticeDispatcher {
    private static final Logger LOG = Logger.getLogger(NoticeDispatcher.class);

    @Inject
    NoticeStore store;
    @Inject
    NoticeConfig config;
    @Inject
    WechatClient wechat;
    @Inject
    WeChatRecipients recipients;
    @Inject
    NoticeSettings settings;
    @Inject
    ObjectMapper json;
    @Inject
    Tx tx;

    private final AtomicLong pending = new AtomicLong();
    private volatile HttpClient http;

    /** One run: notices delivered, given up (FAILED or SKIPPED), and to be tried again. */
    public record Run(int sent, int failed, int retried) {}

    void register(@Observes StartupEvent start, MeterRegistry registry) {
        Gauge.builder("timebank.notices.pending", pending, AtomicLong::get)
                .description("notices still to deliver, as of the dispatcher's last run").register(registry);
    }

    @Scheduled(every = "${timebank.notice.every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void dispatchOnSchedule() {
        dispatch(Instant.now());
    }

    /** Delivers what is due at {@code now}, a batch at a time, until a batch comes back short. */
    public Run dispatch(Instant now) {
        int sent = 0;
        int failed = 0;
        int retried = 0;
        List<String> channels = List.of("WEBHOOK", "WECHAT");
        Backoff backoff = new Backoff(config.backoffBase(), config.backoffMax(), config.maxAttempts());
        List<Claimed> batch;
        do {
            batch = tx.inNew(() -> store.claimDue(channels, now, now.plus(config.lease()), config.maxAttempts(),
                    config.batch()));
            for (Claimed notice : batch) {
                if (notice.status().equals("FAILED")) {
                    Metrics.count("timebank.notices.failed", 1, "channel", notice.channel());
                    failed++;
                    continue;
                }
                Delivery delivery = deliver(notice);
                switch (record(notice, delivery, now, backoff)) {
                    case SENT -> sent++;
                    case ENDED -> failed++;
                    case RETRY -> retried++;
                    case LOST_LEASE -> { }
                }
            }
        } while (batch.size() == config.batch());
        pending.set(tx.inNew(store::pending));
        return new Run(sent, failed, retried);
    }

    private enum Recorded { SENT, ENDED, RETRY, LOST_LEASE }

    private Recorded record(Claimed n, Delivery delivery, Instant now, Backoff backoff) {
        return tx.inNew(() -> {
            String channel = n.channel();
            if (delivery instanceof Delivery.Sent) {
                if (!store.sent(n.id(), n.attempts(), Instant.now())) {
                    return Recorded.LOST_LEASE;
                }
                Metrics.count("timebank.notices.sent", 1, "channel", channel);
                return Recorded.SENT;
            }
            if (delivery instanceof Delivery.Refused refused) {
                if (!store.end(n.id(), n.attempts(), "SKIPPED", refused.error(), refused.grantUnused())) {
                    return Recorded.LOST_LEASE;
                }
                Metrics.count("timebank.notices.failed", 1, "channel", channel);
                return Recorded.ENDED;
            }
            String error = ((Delivery.Retry) delivery).error();
            if (!backoff.retries(n.attempts())) {
                // no send succeeded, so WeChat took no acceptance (but for a last attempt that timed out
                // after WeChat sent: that grant given back costs one refused send, 43101, later)
                if (!store.end(n.id(), n.attempts(), "FAILED", error, true)) {
                    return Recorded.LOST_LEASE;
                }
                LOG.warnf("notice %d (%s) failed after %d attempts: %s", n.id(), n.kind(), n.attempts(), error);
                Metrics.count("timebank.notices.failed", 1, "channel", channel);
                return Recorded.ENDED;
            }
            if (!store.retry(n.id(), n.attempts(), error, now.plus(backoff.delay(n.attempts())))) {
                return Recorded.LOST_LEASE;
            }
            return Recorded.RETRY;
        });
    }

    /** One attempt, outside any transaction but for short reads; never throws for a failed delivery. */
    Delivery deliver(Claimed n) {
        Map<String, String> payload = payload(n);
        if (n.channel().equals("WECHAT")) {
            Optional<String> openid = tx.inNew(() -> recipients.openid(n.volunteerId()));
            if (openid.isEmpty()) {
                return new Delivery.Refused("the volunteer has no WeChat binding", true);
            }
            String page = config.wechat().page() + "?notice=" + URLEncoder.encode(n.dedupId(), StandardCharsets.UTF_8);
            try {
                WechatClient.SendAnswer answer = wechat.sendSubscribeMessage(openid.get(), n.template(), page,
                        TemplateFields.fit(fields(n.kind(), payload)), config.wechat().miniprogramState());
                return Delivery.ofWeChat(answer.errcode(), answer.errmsg());
            } catch (WechatClient.Unreachable e) {
                return new Delivery.Retry(e.getMessage());
            }
        }
        Optional<NoticeSettings.Webhook> webhook = tx.inNew(() -> settings.webhook(n.regionId()));
        if (webhook.isEmpty()) {
            return new Delivery.Refused("the region's webhook was removed", false);
        }
        return post(webhook.get(), n, payload);
    }

    private Map<String, String> payload(Claimed n) {
        try {
            return json.readValue(n.payload(), new TypeReference<LinkedHashMap<String, String>>() {});
        } catch (IOException e) {
            throw new IllegalStateException("notice " + n.id() + " has an unreadable payload", e);
        }
    }

    /** The template's fields from the notice's values, as timebank.notice.wechat.fields maps them. */
    Map<String, String> fields(String kind, Map<String, String> payload) {
        String mapping = NoticeConfig.of(config.wechat().fields(), NoticeKind.valueOf(kind)).orElse(null);
        if (mapping == null || mapping.isBlank()) {
            return payload;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : mapping.split(",")) {
            String[] kv = pair.trim().split("=", 2);
            if (kv.length == 2 && payload.containsKey(kv[1].trim())) {
                out.put(kv[0].trim(), payload.get(kv[1].trim()));
            }
        }
        return out;
    }

    private Delivery post(NoticeSettings.Webhook webhook, Claimed n, Map<String, String> payload) {
        try {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("id", n.dedupId());
            event.put("kind", n.kind());
            event.put("volunteerId", n.volunteerId());
            event.put("occurredAt", n.createdAt().toString());
            event.put("data", payload);
            String body = json.writeValueAsString(event);
            long timestamp = Instant.now().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.url()))
                    .timeout(config.httpTimeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("X-Timebank-Notice-Id", n.dedupId())
                    .header("X-Timebank-Timestamp", Long.toString(timestamp))
                    .header("X-Timebank-Signature", WebhookSignature.header(webhook.secret(), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            return Delivery.ofWebhook(http().send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (HttpTimeoutException e) {
            return new Delivery.Retry("timeout");
        } catch (IOException | IllegalArgumentException e) {
            return new Delivery.Retry(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery.Retry("interrupted");
        }
    }

    private HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.httpTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return http;
    }
}
