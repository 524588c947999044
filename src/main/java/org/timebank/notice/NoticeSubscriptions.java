package org.timebank.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.timebank.common.ApiException;
import org.timebank.notice.domain.NoticeKind;
import org.timebank.notice.domain.SubscriptionChoice;
import org.timebank.notice.persistence.NoticeStore;
import org.timebank.security.Caller;

/**
 * What each volunteer agreed to receive: the mini-program reports the result of
 * wx.requestSubscribeMessage, and the outbox writes WeChat notices only against it (README "Notices").
 */
@ApplicationScoped
public class NoticeSubscriptions {
    @Inject
    NoticeStore store;
    @Inject
    NoticeConfig config;

    /** A template this service sends: the kind it serves, and what the volunteer granted. */
    public record Subscription(String template, NoticeKind kind, boolean longTerm, int oneTimeGrants, boolean always) {}

    /** Records the volunteer's choices (self only); returns every template with its grants now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Subscription> record(Caller caller, long volunteerId, List<SubscriptionChoice> choices) {
        self(caller, volunteerId);
        Map<String, NoticeKind> templates = templates();
        Set<String> longTerm = config.wechat().longTermTemplates().orElse(Set.of());
        for (SubscriptionChoice c : choices) {
            if (!templates.containsKey(c.template())) {
                throw ApiException.unprocessable("NOTICE_TEMPLATE_UNKNOWN", c.template());
            }
            if (c.always() && c.decision() == SubscriptionChoice.Decision.ACCEPT && !longTerm.contains(c.template())) {
                throw ApiException.unprocessable("NOTICE_TEMPLATE_NOT_LONG_TERM", c.template());
            }
        }
        for (SubscriptionChoice c : choices) {
            if (c.revokes()) {
                store.revoke(volunteerId, c.template());
            } else if (c.decision() == SubscriptionChoice.Decision.ACCEPT) {
                store.accept(volunteerId, c.template(), c.always());
            }
        }
        return list(volunteerId, templates, longTerm);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Subscription> list(Caller caller, long volunteerId) {
        self(caller, volunteerId);
        return list(volunteerId, templates(), config.wechat().longTermTemplates().orElse(Set.of()));
    }

    private List<Subscription> list(long volunteerId, Map<String, NoticeKind> templates, Set<String> longTerm) {
        Map<String, NoticeStore.Subscription> granted = new HashMap<>();
        store.subscriptions(volunteerId).forEach(s -> granted.put(s.template(), s));
        List<Subscription> out = new ArrayList<>();
        for (NoticeKind kind : NoticeKind.values()) {
            String template = NoticeConfig.of(config.wechat().templates(), kind).orElse(null);
            if (template == null) {
                continue;
            }
            NoticeStore.Subscription s = granted.get(template);
            out.add(new Subscription(template, kind, longTerm.contains(template), s == null ? 0 : s.oneTimeGrants(),
                    s != null && s.always()));
        }
        return out;
    }

    /** The configured templates and the kinds they serve. */
    private Map<String, NoticeKind> templates() {
        Map<String, NoticeKind> out = new HashMap<>();
        for (NoticeKind kind : NoticeKind.values()) {
            NoticeConfig.of(config.wechat().templates(), kind).ifPresent(template -> out.put(template, kind));
        }
        return out;
    }

    private static void self(Caller caller, long volunteerId) {
        Long self = caller.volunteerId();
        if (self == null || self != volunteerId) {
            throw ApiException.notFound("VOLUNTEER_NOT_FOUND", volunteerId);
        }
    }
}
