package org.timebank.support;

import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Real RS256 tokens signed with the demo key (src/main/dev), the one the test profile trusts. */
public final class Tokens {
    public static final String ISSUER = "https://timebank.demo/issuer";

    private Tokens() {}

    public static String admin() {
        return token("admin-test", Set.of("admin"), List.of(), null);
    }

    public static String staff(String subject, Long... regions) {
        return token(subject, Set.of("staff"), List.of(regions), null);
    }

    public static String volunteer(long volunteerId) {
        return token(Long.toString(volunteerId), Set.of("volunteer"), List.of(), null);
    }

    public static String shop(String shopId) {
        return token("shop-op-" + shopId, Set.of("shop"), List.of(), shopId);
    }

    public static String token(String subject, Set<String> groups, List<Long> regions, String shop) {
        var b = Jwt.issuer(ISSUER).subject(subject).groups(groups).expiresIn(Duration.ofMinutes(30));
        if (!regions.isEmpty()) {
            b.claim("regions", regions);
        }
        if (shop != null) {
            b.claim("shop", shop);
        }
        return b.sign();
    }

    public static String expired() {
        return Jwt.issuer(ISSUER).subject("admin-test").groups(Set.of("admin"))
                .issuedAt(System.currentTimeMillis() / 1000 - 7200).expiresAt(System.currentTimeMillis() / 1000 - 3600)
                .sign();
    }
}
