package org.timebank.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;
import org.timebank.common.ApiException;

/**
 * WeChat's server API, as the mini-program's back end calls it: {@code jscode2session} (wx.login's
 * code for the openid), {@code stable_token} (the interface access token, cached until shortly before
 * it expires) and {@code getuserphonenumber} (getPhoneNumber's code for the number WeChat verified).
 *
 * <p>WeChat's refusals become problems a client can act on: an invalid or used code (40029, 40163)
 * a 400, its rate limit (45011) a 429 with {@code Retry-After}, a user WeChat blocks as risky (40226)
 * a 403; "system busy" (-1) is tried again with a doubling pause, and when WeChat stays busy, cannot
 * be reached, is slow past the timeout, answers nonsense or refuses our credentials, the answer is
 * 503 {@code WECHAT_UNAVAILABLE} with {@code Retry-After}: never a 500.
 */
@ApplicationScoped
public class WechatClient {
    private static final Logger LOG = Logger.getLogger(WechatClient.class);
    private static final int BUSY = -1;
    private static final int ACCESS_TOKEN_INVALID = 40001;
    private static final int ACCESS_TOKEN_EXPIRED = 42001;
    private static final int CODE_INVALID = 40029;
    private static final int CODE_USED = 40163;
    private static final int RATE_LIMITED = 45011;
    private static final int USER_BLOCKED = 40226;

    /** What jscode2session says of a wx.login code. The session key is not kept: the service needs none. */
    public record Session(String openid, String unionid) {}

    private record AccessToken(String value, Instant renewAfter) {}

    private final WechatConfig config;
    private final ObjectMapper json;
    private final HttpClient http;
    private volatile AccessToken accessToken;

    @Inject
    public WechatClient(WechatConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The openid (and unionid, when the mini-program is bound to an open platform account) of a wx.login code. */
    public Session session(String code) {
        JsonNode answer = call("jscode2session", () -> HttpRequest.newBuilder(uri("/sns/jscode2session", Map.of(
                "appid", config.appId(), "secret", config.appSecret(), "js_code", code,
                "grant_type", "authorization_code"))).GET(), "WECHAT_CODE_INVALID");
        String openid = answer.path("openid").asText("");
        if (openid.isEmpty()) {
            LOG.warn("WeChat jscode2session answered without an openid");
            throw unavailable();
        }
        String unionid = answer.path("unionid").asText("");
        return new Session(openid, unionid.isEmpty() ? null : unionid);
    }

    /** The phone number (mainland numbers without +86) WeChat verified for a getPhoneNumber code. */
    public String phoneNumber(String phoneCode) {
        String body = json.createObjectNode().put("code", phoneCode).toString();
        JsonNode answer;
        try {
            answer = phoneCall(body, accessToken(false));
        } catch (StaleAccessToken e) {
            try {
                answer = phoneCall(body, accessToken(true));
            } catch (StaleAccessToken again) {
                LOG.error("WeChat refused a fresh interface access token");
                throw unavailable();
            }
        }
        JsonNode info = answer.path("phone_info");
        if (!config.appId().equals(info.path("watermark").path("appid").asText())) {
            // a number verified for another mini-program says nothing of this one's user
            LOG.warn("WeChat getuserphonenumber answered for another appid");
            throw unavailable();
        }
        String country = info.path("countryCode").asText("86");
        String number = info.path("purePhoneNumber").asText("");
        return "86".equals(country) ? number : "+" + country + number;
    }

    private JsonNode phoneCall(String body, String token) {
        return call("getuserphonenumber", () -> HttpRequest.newBuilder(
                        uri("/wxa/business/getuserphonenumber", Map.of("access_token", token)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), "WECHAT_PHONE_CODE_INVALID");
    }

    /** The interface access token from stable_token, renewed five minutes before it expires, or now when WeChat refused it. */
    private String accessToken(boolean renew) {
        AccessToken current = accessToken;
        if (!renew && current != null && Instant.now().isBefore(current.renewAfter())) {
            return current.value();
        }
        synchronized (this) {
            if (!renew && accessToken != null && accessToken != current) {
                return accessToken.value();
            }
            String body = json.createObjectNode().put("grant_type", "client_credential").put("appid", config.appId())
                    .put("secret", config.appSecret()).put("force_refresh", false).toString();
            JsonNode answer = call("stable_token", () -> HttpRequest.newBuilder(uri("/cgi-bin/stable_token", Map.of()))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), null);
            String value = answer.path("access_token").asText("");
            if (value.isEmpty()) {
                LOG.warn("WeChat stable_token answered without an access token");
                throw unavailable();
            }
            long expiresIn = Math.max(answer.path("expires_in").asLong(7200), 60);
            accessToken = new AccessToken(value, Instant.now().plusSeconds(Math.max(expiresIn - 300, expiresIn / 2)));
            return value;
        }
    }

    /** Thrown inside: WeChat refused the interface access token; it is renewed once and the call repeated. */
    private static final class StaleAccessToken extends RuntimeException {
        StaleAccessToken() {
            super(null, null, false, false);
        }
    }

    private interface RequestBuilder {
        HttpRequest.Builder build();
    }

    /**
     * One call, tried again while WeChat is busy; its answer when {@code errcode} is absent or 0.
     * {@code codeInvalid} is the problem of an invalid or used code (null: the call takes no code).
     */
    private JsonNode call(String name, RequestBuilder request, String codeInvalid) {
        for (int attempt = 0; ; attempt++) {
            JsonNode answer = send(name, request.build().timeout(config.requestTimeout()).build());
            int errcode = answer.path("errcode").asInt(0);
            switch (errcode) {
                case 0:
                    return answer;
                case BUSY:
                    if (attempt >= config.busyRetries()) {
                        LOG.warnf("WeChat %s stayed busy after %d tries", name, attempt + 1);
                        throw unavailable();
                    }
                    pause(config.busyBackoff().toMillis() << attempt);
                    continue;
                case CODE_INVALID, CODE_USED:
                    if (codeInvalid != null) {
                        throw ApiException.badRequest(codeInvalid);
                    }
                    break;
                case RATE_LIMITED:
                    throw new ApiException(429, "WECHAT_RATE_LIMITED").retryAfter(60);
                case USER_BLOCKED:
                    throw ApiException.forbidden("WECHAT_USER_BLOCKED");
                case ACCESS_TOKEN_INVALID, ACCESS_TOKEN_EXPIRED:
                    if ("getuserphonenumber".equals(name)) {
                        throw new StaleAccessToken();
                    }
                    break;
                default:
                    break;
            }
            // our appid or secret refused, or an error WeChat has not documented: an operator's problem
            LOG.errorf("WeChat %s refused the call: errcode %d (%s)", name, errcode, answer.path("errmsg").asText());
            throw unavailable();
        }
    }

    private JsonNode send(String name, HttpRequest request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            // timeouts (HttpTimeoutException) included
            LOG.warnf("WeChat %s could not be reached: %s", name, e.toString());
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
        if (response.statusCode() != 200) {
            LOG.warnf("WeChat %s answered HTTP %d", name, response.statusCode());
            throw unavailable();
        }
        try {
            JsonNode answer = json.readTree(response.body());
            if (answer == null || !answer.isObject()) {
                throw new IOException("not a JSON object");
            }
            return answer;
        } catch (IOException e) {
            LOG.warnf("WeChat %s answered something that is not JSON", name);
            throw unavailable();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    private static ApiException unavailable() {
        return new ApiException(503, "WECHAT_UNAVAILABLE").retryAfter(5);
    }

    private URI uri(String path, Map<String, String> query) {
        StringBuilder uri = new StringBuilder(config.baseUrl().replaceAll("/+$", "")).append(path);
        char sep = '?';
        for (Map.Entry<String, String> q : new java.util.TreeMap<>(query).entrySet()) {
            uri.append(sep).append(q.getKey()).append('=').append(URLEncoder.encode(q.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return URI.create(uri.toString());
    }
}
