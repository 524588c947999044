package org.timebank.bench;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real RS256 tokens, signed before any timing with the key the service is told to trust (the demo
 * key pair in src/main/dev, as bench/serve configures it). Claim shapes as in DevTokens.
 */
final class BenchTokens {
    private static final Duration LIFETIME = Duration.ofHours(6);

    private final PrivateKey key;
    private final String issuer;
    private final Map<Long, String> volunteers = new ConcurrentHashMap<>();
    private final Map<Long, String> staff = new ConcurrentHashMap<>();
    private final Map<Long, String> shops = new ConcurrentHashMap<>();

    BenchTokens(Path privateKeyPem, String issuer) throws IOException, GeneralSecurityException {
        String pem = Files.readString(privateKeyPem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        this.key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        this.issuer = issuer;
    }

    /** Signs tokens for these volunteers (subject: the volunteer id), in parallel. */
    void signVolunteers(Collection<Long> ids) {
        ids.parallelStream().distinct().filter(id -> !volunteers.containsKey(id)).forEach(id ->
                volunteers.put(id, Jwt.issuer(issuer).subject(Long.toString(id)).groups(Set.of("volunteer"))
                        .expiresIn(LIFETIME).sign(key)));
    }

    /** Signs a staff token per community, serving that community only. */
    void signStaff(Collection<Long> communityIds) {
        communityIds.parallelStream().distinct().filter(id -> !staff.containsKey(id)).forEach(id ->
                staff.put(id, Jwt.issuer(issuer).subject("bench-staff-" + id).groups(Set.of("staff"))
                        .claim("regions", List.of(id)).expiresIn(LIFETIME).sign(key)));
    }

    /** Signs an operator's token per shop. */
    void signShops(Collection<Long> shopIds) {
        shopIds.parallelStream().distinct().filter(id -> !shops.containsKey(id)).forEach(id ->
                shops.put(id, Jwt.issuer(issuer).subject("bench-shop-" + id).groups(Set.of("shop"))
                        .claim("shop", Long.toString(id)).expiresIn(LIFETIME).sign(key)));
    }

    String volunteer(long id) {
        return require(volunteers, id);
    }

    String staff(long communityId) {
        return require(staff, communityId);
    }

    String shop(long shopId) {
        return require(shops, shopId);
    }

    private static String require(Map<Long, String> tokens, long id) {
        String t = tokens.get(id);
        if (t == null) {
            throw new IllegalStateException("no token signed for " + id);
        }
        return t;
    }
}
