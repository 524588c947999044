package org.timebank.notice;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * In tests every volunteer is bound to WeChat as {@code openid-<id>}, standing in for WeChat sign-in's
 * binding (issue 14 part A), which provides the real {@link WeChatRecipients}.
 */
@ApplicationScoped
public class BoundRecipients implements WeChatRecipients {
    static String openidOf(long volunteerId) {
        return "openid-" + volunteerId;
    }

    @Override
    public Optional<String> openid(long volunteerId) {
        return Optional.of(openidOf(volunteerId));
    }
}
