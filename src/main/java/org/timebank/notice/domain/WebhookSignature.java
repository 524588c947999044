package org.timebank.notice.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook body's signature: HMAC-SHA256 under the region's secret of {@code timestamp + "." + body}
 * (the timestamp in Unix seconds), hex, sent as {@code X-Timebank-Signature: t=<timestamp>,v1=<hex>}
 * with the timestamp also in {@code X-Timebank-Timestamp}. A receiver recomputes it, compares in
 * constant time, and refuses timestamps older than a few minutes, so that a captured request cannot
 * be replayed later.
 */
public final class WebhookSignature {
    private WebhookSignature() {}

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The header value: {@code t=<timestamp>,v1=<hex>}. */
    public static String header(String secret, long timestamp, String body) {
        return "t=" + timestamp + ",v1=" + sign(secret, timestamp, body);
    }

    /** Whether {@code signature} (hex) is the body's, compared in constant time. */
    public static boolean verify(String secret, long timestamp, String body, String signature) {
        return MessageDigest.isEqual(sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
