package org.timebank.wechat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The WeChat mini-program the service works for, and how it calls WeChat's server API: one AppID and
 * AppSecret for signing volunteers in and for sending them notices (README "Configuration").
 */
@ConfigMapping(prefix = "timebank.wechat")
public interface WechatConfig {
    /** WeChat's server API (tests point it at a local fake). */
    @WithDefault("https://api.weixin.qq.com")
    String baseUrl();

    /** The mini-program's AppID. */
    String appId();

    /** The mini-program's AppSecret (a secret: set it from a Kubernetes Secret). */
    String appSecret();

    /** How long to wait for a connection to WeChat. */
    @WithDefault("PT2S")
    Duration connectTimeout();

    /** How long to wait for WeChat's answer to one request. */
    @WithDefault("PT5S")
    Duration requestTimeout();

    /** How many times a call WeChat answered "busy" (errcode -1) is tried again before giving up. */
    @WithDefault("2")
    int busyRetries();

    /** The pause before the first retry; it doubles before each further one. */
    @WithDefault("PT0.2S")
    Duration busyBackoff();

    /** A cached interface access token (stable_token) this close to its expiry is renewed before use. */
    @WithDefault("PT5M")
    Duration tokenRefreshMargin();
}
