package org.timebank.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.timebank.common.ApiException;
import org.timebank.notice.persistence.NoticeStore;
import org.timebank.region.RegionService;
import org.timebank.region.domain.RegionRef;
import org.timebank.volunteer.PiiProtector;

/**
 * The regions' notice settings, each inherited down the tree from the nearest region that has one:
 * how many days before points expire volunteers are warned, and the signed webhook.
 */
@ApplicationScoped
public class NoticeSettings {
    @Inject
    NoticeStore store;
    @Inject
    RegionService regions;
    @Inject
    PiiProtector protector;

    /** The warning rule in force at a region: days (null: no warning) and the region that set it. */
    public record ExpiryWarning(long regionId, Integer days, Long inheritedFrom) {}

    /** The webhook in force at a region (never its secret): url null when there is none. */
    public record WebhookInForce(long regionId, String url, Long inheritedFrom) {}

    /** A webhook ready to call. */
    public record Webhook(String url, String secret) {}

    @Transactional(Transactional.TxType.MANDATORY)
    public ExpiryWarning putExpiryWarning(long regionId, int days, String actor) {
        RegionRef region = regions.require(regionId);
        store.putExpiryWarning(regionId, days, actor);
        return expiryWarning(region);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ExpiryWarning expiryWarning(long regionId) {
        return expiryWarning(regions.require(regionId));
    }

    private ExpiryWarning expiryWarning(RegionRef region) {
        Optional<NoticeStore.Rule> rule = store.expiryWarningFor(region.pathIds());
        return new ExpiryWarning(region.id(), rule.map(NoticeStore.Rule::days).orElse(null),
                rule.map(NoticeStore.Rule::regionId).orElse(null));
    }

    /** Sets the region's webhook, or with a null url removes it (its subtree then inherits from above). */
    @Transactional(Transactional.TxType.MANDATORY)
    public WebhookInForce putWebhook(long regionId, String url, String secret, String actor) {
        RegionRef region = regions.require(regionId);
        if (url == null) {
            store.removeWebhook(regionId);
        } else {
            if (secret == null) {
                throw ApiException.unprocessable("WEBHOOK_SECRET_REQUIRED");
            }
            store.putWebhook(regionId, url, protector.encrypt(secret), actor);
        }
        return webhookInForce(region);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WebhookInForce webhookInForce(long regionId) {
        return webhookInForce(regions.require(regionId));
    }

    private WebhookInForce webhookInForce(RegionRef region) {
        Optional<NoticeStore.Webhook> w = store.webhookFor(region.pathIds());
        return new WebhookInForce(region.id(), w.map(NoticeStore.Webhook::url).orElse(null),
                w.map(NoticeStore.Webhook::regionId).orElse(null));
    }

    /** The region's own webhook, with its secret, for the dispatcher. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Webhook> webhook(long regionId) {
        return store.webhook(regionId).map(w -> new Webhook(w.url(), protector.decrypt(w.secret())));
    }
}
