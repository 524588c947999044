package org.timebank.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.logging.Logger;
import org.timebank.common.ApiException;

/**
 * WeChat's server API, as the mini-program's back end calls it: {@code jscode2session} (wx.login's
 * code for the openid) and {@code getuserphonenumber} (getPhoneNumber's code for the number WeChat
 * verified) for signing in, {@code subscribeMessage.send} for notices, and {@code stable_token}, the
 * interface access token both of the latter need.
 *
 * <p><b>The access token</b> is cached in memory (one cache per replica) until
 * token-refresh-margin before it expires. stable_token hands every caller, every replica, the same
 * token while it is valid, so replicas need not share the cache. A call refused with 40001, 42001
 * or 40014 (the token is invalid or expired) fetches a token again and is repeated once; when
 * stable_token still returns the refused token, it is asked to force a new one (WeChat rations that
 * mode per day).
 *
 * <p><b>Sign-in</b>: WeChat's refusals become problems a client can act on: an invalid or used code
 * (40029, 40163) a 400, its rate limit (45011) a 429 with {@code Retry-After}, a user WeChat blocks
 * as risky (40226) a 403; "system busy" (-1) is tried again with a doubling pause, and when WeChat
 * stays busy, cannot be reached, is slow past the timeout, answers nonsense or refuses our
 * credentials, the answer is 503 {@code WECHAT_UNAVAILABLE} with {@code Retry-After}: never a 500.
 *
 * <p><b>Notices</b>: {@link #sendSubscribeMessage} makes one attempt and reports WeChat's errcode;
 * the notice dispatcher decides what it means and when to try again.
 */
@ApplicationScoped
public class WechatClient {
    private static final Logger LOG = Logger.getLogger(WechatClient.class);
    private static final int BUSY = -1;
    private static final Set<Integer> TOKEN_REFUSED = Set.of(40001, 42001, 40014);
    private static final int CODE_INVALID = 40029;
    private static final int CODE_USED = 40163;
    private static final int RATE_LIMITED = 45011;
    private static final int USER_BLOCKED = 40226;

    /** What jscode2session says of a wx.login code. The session key is not kept: the service needs none. */
    public record Session(String openid, String unionid) {}

    /** WeChat's answer to a subscription message: errcode 0, sent; any other, WeChat's refusal. */
    public record SendAnswer(int errcode, String errmsg) {}

    /**
     * A call that got no answer WeChat documents: it could not be reached, timed out, answered an HTTP
     * error or something that is not JSON, or stable_token refused our credentials. The message says which.
     */
    public static final class Unreachable extends RuntimeException {
        Unreachable(String reason) {
            super(reason, null, false, false);
        }
    }

    private record AccessToken(String value, Instant renewAfter) {}

    private final WechatConfig config;
    private final ObjectMapper json;
    private final HttpClient http;
    private AccessToken accessToken;

    @Inject
    public WechatClient(WechatConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The openid (and unionid, when the mini-program is bound to an open platform account) of a wx.login code. */
    public Session session(String code) {
        JsonNode answer = signInCall("jscode2session", () -> HttpRequest.newBuilder(uri("/sns/jscode2session", Map.of(
                "appid", config.appId(), "secret", config.appSecret(), "js_code", code,
                "grant_type", "authorization_code"))).GET(), "WECHAT_CODE_INVALID", false);
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
            answer = withToken(token -> signInCall("getuserphonenumber", () -> post(
                    "/wxa/business/getuserphonenumber", token, body), "WECHAT_PHONE_CODE_INVALID", true));
        } catch (Unreachable e) {
            LOG.warnf("WeChat getuserphonenumber: %s", e.getMessage());
            throw unavailable();
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

    /**
     * Sends one subscription message, once (but for a refused access token, renewed and tried again).
     * {@code data} are the template's field values; {@code miniprogramState} the version its page opens.
     *
     * @throws Unreachable when WeChat gave no answer it documents
     */
    public SendAnswer sendSubscribeMessage(String openid, String template, String page, Map<String, String> data,
                                           String miniprogramState) {
        ObjectNode message = json.createObjectNode();
        message.put("touser", openid).put("template_id", template).put("page", page);
        ObjectNode fields = message.putObject("data");
        data.forEach((k, v) -> fields.putObject(k).put("value", v));
        message.put("miniprogram_state", miniprogramState).put("lang", "zh_CN");
        String body = message.toString();
        JsonNode answer = withToken(token -> {
            JsonNode reply = send("subscribeMessage.send", post("/cgi-bin/message/subscribe/send", token, body)
                    .timeout(config.requestTimeout()).build());
            if (TOKEN_REFUSED.contains(reply.path("errcode").asInt(0))) {
                throw new StaleAccessToken();
            }
            return reply;
        });
        return new SendAnswer(answer.path("errcode").asInt(0), answer.path("errmsg").asText(null));
    }

    private interface TokenCall {
        JsonNode call(String token);
    }

    /** The call with the cached access token; when WeChat refuses that token, with a renewed one, once. */
    private JsonNode withToken(TokenCall call) {
        String token = accessToken(null);
        try {
            return call.call(token);
        } catch (StaleAccessToken e) {
            try {
                return call.call(accessToken(token));
            } catch (StaleAccessToken again) {
                throw new Unreachable("WeChat refused a fresh interface access token");
            }
        }
    }

    /**
     * The cached access token, fetched when missing or due for renewal, or when {@code refused} (the
     * token a call was refused with) is still the cached one.
     */
    private synchronized String accessToken(String refused) {
        AccessToken current = accessToken;
        if (current != null && refused == null && Instant.now().isBefore(current.renewAfter())) {
            return current.value();
        }
        if (current != null && refused != null && !refused.equals(current.value())) {
            return current.value();
        }
        AccessToken fresh = stableToken(false);
        if (refused != null && fresh.value().equals(refused)) {
            fresh = stableToken(true);
        }
        accessToken = fresh;
        return fresh.value();
    }

    private AccessToken stableToken(boolean forceRefresh) {
        String body = json.createObjectNode().put("grant_type", "client_credential").put("appid", config.appId())
                .put("secret", config.appSecret()).put("force_refresh", forceRefresh).toString();
        JsonNode answer = send("stable_token", post("/cgi-bin/stable_token", null, body)
                .timeout(config.requestTimeout()).build());
        String value = answer.path("access_token").asText("");
        long expiresIn = answer.path("expires_in").asLong(0);
        if (value.isEmpty() || expiresIn <= 0) {
            // our appid or secret refused: an operator's problem
            LOG.errorf("WeChat stable_token refused: errcode %d (%s)", answer.path("errcode").asInt(),
                    answer.path("errmsg").asText(""));
            throw new Unreachable("stable_token: errcode " + answer.path("errcode").asInt() + " "
                    + answer.path("errmsg").asText(""));
        }
        long renewIn = Math.max(expiresIn - config.tokenRefreshMargin().toSeconds(), expiresIn / 2);
        return new AccessToken(value, Instant.now().plusSeconds(renewIn));
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
     * One sign-in call, tried again while WeChat is busy; its answer when {@code errcode} is absent or 0.
     * {@code codeInvalid} is the problem of an invalid or used code; {@code withToken}, whether the call
     * carries the access token (a refusal of it is then renewed by {@link #withToken}).
     */
    private JsonNode signInCall(String name, RequestBuilder request, String codeInvalid, boolean withToken) {
        for (int attempt = 0; ; attempt++) {
            JsonNode answer;
            try {
                answer = send(name, request.build().timeout(config.requestTimeout()).build());
            } catch (Unreachable e) {
                throw unavailable();
            }
            int errcode = answer.path("errcode").asInt(0);
            if (errcode == 0) {
                return answer;
            }
            if (errcode == BUSY) {
                if (attempt >= config.busyRetries()) {
                    LOG.warnf("WeChat %s stayed busy after %d tries", name, attempt + 1);
                    throw unavailable();
                }
                pause(config.busyBackoff().toMillis() << attempt);
                continue;
            }
            if (withToken && TOKEN_REFUSED.contains(errcode)) {
                throw new StaleAccessToken();
            }
            switch (errcode) {
                case CODE_INVALID, CODE_USED -> throw ApiException.badRequest(codeInvalid);
                case RATE_LIMITED -> throw new ApiException(429, "WECHAT_RATE_LIMITED").retryAfter(60);
                case USER_BLOCKED -> throw ApiException.forbidden("WECHAT_USER_BLOCKED");
                default -> {
                    // our appid or secret refused, or an error WeChat has not documented: an operator's problem
                    LOG.errorf("WeChat %s refused the call: errcode %d (%s)", name, errcode, answer.path("errmsg").asText());
                    throw unavailable();
                }
            }
        }
    }

    /** One HTTP exchange; WeChat's JSON answer, whatever its errcode. */
    private JsonNode send(String name, HttpRequest request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            LOG.warnf("WeChat %s timed out", name);
            throw new Unreachable("timeout");
        } catch (IOException e) {
            LOG.warnf("WeChat %s could not be reached: %s", name, e.toString());
            throw new Unreachable(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted");
        }
        if (response.statusCode() != 200) {
            LOG.warnf("WeChat %s answered HTTP %d", name, response.statusCode());
            throw new Unreachable("HTTP " + response.statusCode());
        }
        try {
            JsonNode answer = json.readTree(response.body());
            if (answer == null || !answer.isObject()) {
                throw new IOException("not a JSON object");
            }
            return answer;
        } catch (IOException e) {
            LOG.warnf("WeChat %s answered something that is not JSON", name);
            throw new Unreachable("not JSON");
        }
    }

    private HttpRequest.Builder post(String path, String token, String body) {
        return HttpRequest.newBuilder(uri(path, token == null ? Map.of() : Map.of("access_token", token)))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
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
        for (Map.Entry<String, String> q : new TreeMap<>(query).entrySet()) {
            uri.append(sep).append(q.getKey()).append('=').append(URLEncoder.encode(q.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return URI.create(uri.toString());
    }
}
