package org.timebank.auth;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.timebank.common.Sql;
import org.timebank.notice.WeChatRecipients;

/** Who receives a volunteer's WeChat notices: the openid the volunteer signed in with, if bound. */
@ApplicationScoped
@DefaultBean
public class WechatBindingRecipients implements WeChatRecipients {
    @Inject
    Sql sql;

    @Override
    public Optional<String> openid(long volunteerId) {
        return sql.one("select openid from wechat_binding where volunteer_id = ?", r -> r.getString(1), volunteerId);
    }
}
