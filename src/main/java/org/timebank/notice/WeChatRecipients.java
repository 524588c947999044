package org.timebank.notice;

import java.util.Optional;

/**
 * Who a volunteer is to WeChat: the openid of this mini-program that their sign-in bound to them.
 * The binding is WeChat sign-in's (issue 14 part A, {@code wechat_binding}), which provides this
 * bean; until it does, {@link Unbound} answers that nobody is bound, and WeChat notices end SKIPPED.
 */
public interface WeChatRecipients {
    Optional<String> openid(long volunteerId);
}
