package org.timebank.notice;

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
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.timebank.notice.domain.Delivery;

/**
 * WeChat's subscribeMessage.send, with the access token from stable_token cached in memory until
 * shortly before it expires. stable_token hands every caller (every replica) the same token while it
 * is valid, so replicas need not share the cache. A send refused with 40001 or 42001 (the token is
 * invalid or expired) fetches a token again and is repeated once; when stable_token still returns
 * the refused token, it is asked to force a new one (WeChat limits that mode per day).
 */
@ApplicationScoped
public class WeChatClient {
    private static final Logger LOG = Logger.getLogger(WeChatClient.class);
    private static final Set<Integer> TOKEN_REFUSED = Set.of(40001, 42001, 40014);

    @Inject
    NoticeConfig config;
    @Inject
    ObjectMapper json;

    private volatile HttpClient http;
    private Token token;

    private record Token(String value, Instant refreshAt) {}

    /** Whether an AppID and AppSecret are configured: without them nothing goes to WeChat. */
    public boolean configured() {
        return config.wechat().appid().isPresent() && config.wechat().secret().isPresent();
    }

    /** Sends one subscription message; never throws for a failure of WeChat or of the network. */
    public Delivery send(String openid, String template, String page, Map<String, String> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("touser", openid);
        body.put("template_id", template);
        body.put("page", page);
        Map<String, Object> fields = new LinkedHashMap<>();
        data.forEach((k, v) -> fields.put(k, Map.of("value", v)));
        body.put("data", fields);
        body.put("miniprogram_state", config.wechat().miniprogramState());
        body.put("lang", "zh_CN");
        try {
            String current = token(null);
            JsonNode reply = post("/cgi-bin/message/subscribe/send?access_token="
                    + URLEncoder.encode(current, StandardCharsets.UTF_8), body);
            int errcode = reply.path("errcode").asInt(0);
            if (TOKEN_REFUSED.contains(errcode)) {
                current = token(current);
                reply = post("/cgi-bin/message/subscribe/send?access_token="
                        + URLEncoder.encode(current, StandardCharsets.UTF_8), body);
                errcode = reply.path("errcode").asInt(0);
            }
            return Delivery.ofWeChat(errcode, reply.path("errmsg").asText(null));
        } catch (Failure f) {
            return new Delivery.Retry(f.getMessage());
        }
    }

    /**
     * The cached token, fetched when missing or due for refresh, or when {@code refused} (the token a
     * send was refused with) is still the cached one.
     */
    private synchronized String token(String refused) {
        Instant now = Instant.now();
        if (token != null && refused == null && now.isBefore(token.refreshAt())) {
            return token.value();
        }
        if (token != null && refused != null && !refused.equals(token.value())) {
            return token.value();
        }
        Token fresh = fetch(false);
        if (refused != null && fresh.value().equals(refused)) {
            fresh = fetch(true);
        }
        token = fresh;
        return fresh.value();
    }

    private Token fetch(boolean forceRefresh) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("grant_type", "client_credential");
        body.put("appid", config.wechat().appid().orElseThrow());
        body.put("secret", config.wechat().secret().orElseThrow());
        body.put("force_refresh", forceRefresh);
        JsonNode reply = post("/cgi-bin/stable_token", body);
        String value = reply.path("access_token").asText(null);
        long expiresIn = reply.path("expires_in").asLong(0);
        if (value == null || expiresIn <= 0) {
            throw new Failure("stable_token: errcode " + reply.path("errcode").asInt() + " "
                    + reply.path("errmsg").asText(""));
        }
        Instant refreshAt = Instant.now().plusSeconds(expiresIn).minus(config.wechat().tokenRefreshMargin());
        return new Token(value, refreshAt);
    }

    private JsonNode post(String pathAndQuery, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(config.wechat().baseUrl() + pathAndQuery))
                    .timeout(config.httpTimeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build();
            HttpResponse<byte[]> response = http().send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new Failure("HTTP " + response.statusCode());
            }
            return json.readTree(response.body());
        } catch (HttpTimeoutException e) {
            throw new Failure("timeout");
        } catch (IOException e) {
            LOG.debugf(e, "WeChat call failed");
            throw new Failure(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        }
    }

    private HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.httpTimeout()).build();
        }
        return http;
    }

    /** A failed call, as the reason a delivery is tried again. */
    private static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message, null, false, false);
        }
    }
}
