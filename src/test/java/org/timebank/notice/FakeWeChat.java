package org.timebank.notice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake of WeChat's documented endpoints for notices on 127.0.0.1 (sign-in's are
 * {@link org.timebank.auth.FakeWechat}'s, served by the test application itself): {@code POST /cgi-bin/stable_token} and
 * {@code POST /cgi-bin/message/subscribe/send?access_token=}, and a webhook receiver at
 * {@code /hook}. A send with a token other than the current one is answered 40001 (42001 once the
 * token expired); a message whose field values break their type's documented limits is refused
 * with 47003; replies per openid (or webhook path) can be scripted: an errcode, an HTTP status,
 * or a timeout. It records every message it accepted, and every request it received.
 */
public class FakeWeChat implements QuarkusTestResourceLifecycleManager {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The mini-program's credentials in the test profile (%test.timebank.wechat.app-id and app-secret). */
    static final String APP_ID = "wx-test-appid";
    static final String SECRET = "test-secret";
    static volatile FakeWeChat instance;

    /** A scripted answer: errcode (with HTTP 200), or an HTTP status, or a stall past the client's timeout. */
    record Reply(Integer errcode, Integer status, boolean stall) {
        static Reply errcode(int code) { return new Reply(code, null, false); }
        static Reply http(int status) { return new Reply(null, status, false); }
        static Reply timeout() { return new Reply(null, null, true); }
    }

    /** A request the fake received: the JSON body (sends), the token it carried, the headers (webhooks). */
    record Received(JsonNode body, String raw, String token, Map<String, List<String>> headers) {}

    private HttpServer server;
    private final AtomicInteger tokenSerial = new AtomicInteger();
    volatile String token;
    volatile boolean tokenExpired;
    /** A token WeChat refuses although stable_token still hands it out (until a forced refresh). */
    volatile String revoked;
    final AtomicInteger tokenCalls = new AtomicInteger();
    final AtomicInteger forcedTokenCalls = new AtomicInteger();
    final List<Received> sendsReceived = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Messages WeChat accepted (errcode 0): what the volunteer's phone shows. */
    final List<Received> delivered = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<Received> hooks = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/cgi-bin/stable_token", this::stableToken);
        server.createContext("/cgi-bin/message/subscribe/send", this::send);
        server.createContext("/hook", this::hook);
        server.start();
        instance = this;
        // the one WeChat client of the service, sign-in's included, talks to this fake in these tests
        return Map.of("timebank.wechat.base-url", base(),
                "timebank.notice.http-timeout", "1s",
                "timebank.notice.max-attempts", "5",
                "timebank.notice.backoff-base", "30s",
                "timebank.notice.backoff-max", "2m",
                "timebank.notice.lease", "2m");
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void stop() {
        server.stop(0);
        instance = null;
    }

    /** The next answers to sends to this openid (or posts to this webhook path), in order; then success. */
    void script(String key, Reply... replies) {
        scripts.computeIfAbsent(key, k -> new ArrayDeque<>()).addAll(List.of(replies));
    }

    /** The current token expires: sends with it are refused with 42001 until a new one is fetched. */
    void expireToken() {
        tokenExpired = true;
    }

    List<Received> deliveredTo(String openid) {
        synchronized (delivered) {
            return delivered.stream().filter(r -> r.body().path("touser").asText().equals(openid)).toList();
        }
    }

    List<Received> sendsTo(String openid) {
        synchronized (sendsReceived) {
            return sendsReceived.stream().filter(r -> r.body().path("touser").asText().equals(openid)).toList();
        }
    }

    List<Received> hooksAt(String path) {
        synchronized (hooks) {
            return hooks.stream().filter(r -> r.token().equals(path)).toList();
        }
    }

    private void stableToken(HttpExchange x) throws IOException {
        JsonNode body = JSON.readTree(x.getRequestBody());
        tokenCalls.incrementAndGet();
        if (!APP_ID.equals(body.path("appid").asText()) || !SECRET.equals(body.path("secret").asText())) {
            reply(x, 200, "{\"errcode\":40013,\"errmsg\":\"invalid appid\"}");
            return;
        }
        boolean force = body.path("force_refresh").asBoolean(false);
        if (force) {
            forcedTokenCalls.incrementAndGet();
        }
        synchronized (this) {
            if (token == null || tokenExpired || force) {
                token = "token-" + tokenSerial.incrementAndGet();
                tokenExpired = false;
            }
        }
        reply(x, 200, "{\"access_token\":\"" + token + "\",\"expires_in\":7200}");
    }

    private void send(HttpExchange x) throws IOException {
        String raw = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        JsonNode body = JSON.readTree(raw);
        String used = query(x.getRequestURI(), "access_token");
        Received received = new Received(body, raw, used, x.getRequestHeaders());
        sendsReceived.add(received);
        if (used == null || !used.equals(token) || used.equals(revoked)) {
            reply(x, 200, "{\"errcode\":40001,\"errmsg\":\"invalid credential, access_token is invalid or not latest\"}");
            return;
        }
        if (tokenExpired) {
            reply(x, 200, "{\"errcode\":42001,\"errmsg\":\"access_token expired\"}");
            return;
        }
        String unfit = unfitField(body.path("data"));
        if (unfit != null) {
            reply(x, 200, "{\"errcode\":47003,\"errmsg\":\"argument invalid! data." + unfit + ".value invalid\"}");
            return;
        }
        if (scripted(x, body.path("touser").asText())) {
            return;
        }
        delivered.add(received);
        reply(x, 200, "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":" + delivered.size() + "}");
    }

    private void hook(HttpExchange x) throws IOException {
        String raw = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = x.getRequestURI().getPath();
        hooks.add(new Received(JSON.readTree(raw), raw, path, Map.copyOf(x.getRequestHeaders())));
        if (scripted(x, path)) {
            return;
        }
        reply(x, 204, null);
    }

    /**
     * The first field whose value breaks its type's rule as WeChat documents them for
     * subscribeMessage.send (47003), or null. The type is the key without its trailing number.
     */
    static String unfitField(JsonNode data) {
        var fields = data.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            String value = field.getValue().path("value").asText("");
            int length = value.codePointCount(0, value.length());
            boolean han = !value.isEmpty() && value.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
            boolean anyHan = value.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
            boolean fits = !value.isEmpty() && switch (field.getKey().replaceFirst("\\d+$", "")) {
                case "thing" -> length <= 20;
                case "number" -> length <= 32 && value.matches("\\d+(\\.\\d+)?");
                case "character_string" -> length <= 32 && value.matches("[\\x21-\\x7E]+");
                case "letter" -> length <= 32 && value.matches("[A-Za-z]+");
                case "phrase" -> length <= 5 && han;
                case "name" -> anyHan ? length <= 10 : length <= 20;
                case "time" -> value.matches("(\\d{4}年\\d{1,2}月\\d{1,2}日 )?\\d{1,2}:\\d{2}");
                case "date" -> value.matches("\\d{4}年\\d{1,2}月\\d{1,2}日( \\d{1,2}:\\d{2})?");
                default -> true;
            };
            if (!fits) {
                return field.getKey();
            }
        }
        return null;
    }

    /** Answers with the key's next scripted reply, if there is one. */
    private boolean scripted(HttpExchange x, String key) throws IOException {
        Deque<Reply> script = scripts.get(key);
        Reply next = script == null ? null : script.pollFirst();
        if (next == null) {
            return false;
        }
        if (next.stall()) {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(x, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
        } else if (next.status() != null) {
            reply(x, next.status(), "<html>upstream error</html>");
        } else {
            reply(x, 200, "{\"errcode\":" + next.errcode() + ",\"errmsg\":\"scripted\"}");
        }
        return true;
    }

    private static String query(URI uri, String name) {
        if (uri.getRawQuery() == null) {
            return null;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name) && kv.length == 2) {
                return java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void reply(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }
}
