package org.timebank.auth;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.timebank.common.Roles;

/** Access tokens this service issues: a volunteer's, RS256 with the current key, short-lived. */
@ApplicationScoped
public class AccessTokens {
    @Inject
    AuthConfig config;
    @Inject
    ServiceKeys keys;

    public String issue(long volunteerId) {
        return Jwt.issuer(config.issuer()).subject(Long.toString(volunteerId)).groups(Set.of(Roles.VOLUNTEER))
                .expiresIn(config.accessTokenTtl())
                .jws().algorithm(SignatureAlgorithm.RS256).keyId(keys.currentKeyId()).sign(keys.signingKey());
    }

    public long ttlSeconds() {
        return config.accessTokenTtl().toSeconds();
    }
}
