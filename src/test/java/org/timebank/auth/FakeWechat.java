package org.timebank.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake of WeChat's server API for the tests (served by the test application under /test-fakes/wechat,
 * which %test.timebank.wechat.base-url names), answering as WeChat documents it:
 * {@code GET /sns/jscode2session}, {@code POST /cgi-bin/stable_token}, {@code POST
 * /wxa/business/getuserphonenumber}. The code a test sends says how to answer:
 * <ul>
 * <li>{@code ok:<openid>} (or {@code ok:<openid>:<unionid>}) that user; a code is good once, then 40163;</li>
 * <li>{@code invalid} 40029, {@code limited} 45011, {@code blocked} 40226;</li>
 * <li>{@code busy<n>:<openid>} "system busy" (-1) for the first n tries, then that user; {@code busy} always;</li>
 * <li>{@code slow} answers after 2.5 s (past the test timeout), {@code http502} a bare 502, {@code garbage} HTML;</li>
 * <li>phone codes: {@code phone:<number>} that number, {@code phone:<number>:<appid>} with another watermark;</li>
 * <li>anything after {@code #} only makes a code unique.</li>
 * </ul>
 */
@Path("/test-fakes/wechat")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class FakeWechat {
    static final String APP_ID = "wx-test-appid";
    static final String SECRET = "test-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, AtomicInteger> TRIES = new ConcurrentHashMap<>();
    private static final Map<String, Boolean> SPENT = new ConcurrentHashMap<>();
    static final AtomicInteger STABLE_TOKENS = new AtomicInteger();
    private static volatile String accessToken;

    /** How many times WeChat was asked with this code. */
    static int tries(String code) {
        AtomicInteger n = TRIES.get(code);
        return n == null ? 0 : n.get();
    }

    /** WeChat forgets the access token it gave (as when another server asked for a new one). */
    static void revokeAccessToken() {
        accessToken = "revoked";
    }

    @GET
    @Path("/sns/jscode2session")
    public Response session(@QueryParam("appid") String appid, @QueryParam("secret") String secret,
                            @QueryParam("js_code") String code, @QueryParam("grant_type") String grantType) {
        if (!APP_ID.equals(appid) || !"authorization_code".equals(grantType)) {
            return error(40013, "invalid appid");
        }
        if (!SECRET.equals(secret)) {
            return error(40125, "invalid appsecret");
        }
        return answer(code, (openid, extra) -> {
            ObjectNode ok = JSON.createObjectNode().put("openid", openid).put("session_key", "c2Vzc2lvbi1rZXk=");
            if (extra != null) {
                ok.put("unionid", extra);
            }
            return ok;
        });
    }

    @POST
    @Path("/cgi-bin/stable_token")
    @Consumes(MediaType.WILDCARD)
    public Response stableToken(String body) throws Exception {
        JsonNode request = JSON.readTree(body);
        if (!APP_ID.equals(request.path("appid").asText()) || !SECRET.equals(request.path("secret").asText())
                || !"client_credential".equals(request.path("grant_type").asText())) {
            return error(40125, "invalid appsecret");
        }
        accessToken = "fake-access-token-" + STABLE_TOKENS.incrementAndGet();
        return Response.ok(JSON.createObjectNode().put("access_token", accessToken).put("expires_in", 7200).toString())
                .build();
    }

    @POST
    @Path("/wxa/business/getuserphonenumber")
    @Consumes(MediaType.WILDCARD)
    public Response phoneNumber(@QueryParam("access_token") String token, String body) throws Exception {
        if (token == null || !token.equals(accessToken)) {
            return error(40001, "invalid credential, access_token is invalid or not latest");
        }
        String code = JSON.readTree(body).path("code").asText();
        return answer(code, (number, appid) -> {
            ObjectNode info = JSON.createObjectNode().put("phoneNumber", "+86" + number).put("purePhoneNumber", number)
                    .put("countryCode", "86");
            info.putObject("watermark").put("timestamp", System.currentTimeMillis() / 1000)
                    .put("appid", appid == null ? APP_ID : appid);
            ObjectNode ok = JSON.createObjectNode().put("errcode", 0).put("errmsg", "ok");
            ok.set("phone_info", info);
            return ok;
        });
    }

    private interface Success {
        ObjectNode of(String value, String extra);
    }

    private static Response answer(String code, Success success) {
        int tries = TRIES.computeIfAbsent(code, c -> new AtomicInteger()).incrementAndGet();
        // what follows '#' only makes a code unique, as every real code is
        String[] parts = code.replaceFirst("#.*", "").split(":");
        switch (parts[0]) {
            case "invalid":
                return error(40029, "invalid code");
            case "limited":
                return error(45011, "api minute-quota reach limit");
            case "blocked":
                return error(40226, "high risk user");
            case "busy":
                return error(-1, "system error");
            case "http502":
                return Response.status(502).build();
            case "garbage":
                return Response.ok("<html>gateway</html>", MediaType.TEXT_HTML).build();
            case "slow":
                try {
                    Thread.sleep(2500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Response.ok(success.of("slow-openid", null).toString()).build();
            default:
                break;
        }
        if (parts[0].startsWith("busy") && tries <= Integer.parseInt(parts[0].substring(4))) {
            return error(-1, "system error");
        }
        if (parts.length < 2) {
            return error(40029, "invalid code");
        }
        if (SPENT.putIfAbsent(code, true) != null) {
            return error(40163, "code been used");
        }
        return Response.ok(success.of(parts[1], parts.length > 2 ? parts[2] : null).toString()).build();
    }

    private static Response error(int errcode, String errmsg) {
        return Response.ok(JSON.createObjectNode().put("errcode", errcode).put("errmsg", errmsg).toString()).build();
    }
}
