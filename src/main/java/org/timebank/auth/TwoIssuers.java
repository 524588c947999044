package org.timebank.auth;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.DefaultJWTTokenParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.timebank.common.Roles;

/**
 * The two issuers the service trusts, through SmallRye JWT's own parser (its documented extension
 * point, a {@link JWTCallerPrincipalFactory} bean): the organisation's identity provider, as
 * {@code mp.jwt.verify.*} configures it (staff, shops, admins, and volunteers it knows), and this
 * service itself ({@code timebank.auth.*}: the volunteers it signed in with WeChat), whose tokens
 * verify against its own published keys. The token's {@code iss} only chooses which of the two
 * verifies it (jose4j's two-pass consumption); SmallRye then checks the signature, the issuer, the
 * expiry and the algorithm as it does for one issuer. A token of this service that claims any group
 * but {@code volunteer}, or a subject that is not a volunteer id, is refused: a leaked signing key
 * must not make anyone staff.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class TwoIssuers extends JWTCallerPrincipalFactory {
    private static final Pattern VOLUNTEER_ID = Pattern.compile("[1-9][0-9]{0,18}");
    // the first pass reads the claims only to choose the verifier; nothing it reads is trusted
    private static final JwtConsumer PEEK = new JwtConsumerBuilder().setSkipAllValidators()
            .setDisableRequireSignature().setSkipSignatureVerification().build();

    // a parser keeps the key resolver of the first context it sees: one parser per issuer
    private final DefaultJWTTokenParser organisationParser = new DefaultJWTTokenParser();
    private final DefaultJWTTokenParser selfParser = new DefaultJWTTokenParser();
    private final String selfIssuer;
    private final String selfJwks;
    private volatile JWTAuthContextInfo selfContext;

    @Inject
    public TwoIssuers(AuthConfig config, ServiceKeys keys) {
        this.selfIssuer = config.issuer();
        this.selfJwks = keys.jwks();
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo organisation) throws ParseException {
        if (selfIssuer.equals(organisation.getIssuedBy())) {
            // one issuer for both would let the provider's staff tokens pass as this service's, or the reverse
            throw new ParseException("timebank.auth.issuer must differ from mp.jwt.verify.issuer");
        }
        String issuer;
        try {
            issuer = PEEK.process(token).getJwtClaims().getIssuer();
        } catch (InvalidJwtException | MalformedClaimException e) {
            throw new ParseException("not a JWT", e);
        }
        boolean self = selfIssuer.equals(issuer);
        JwtContext verified = self ? selfParser.parse(token, selfContext(organisation))
                : organisationParser.parse(token, organisation);
        JwtClaims claims = verified.getJwtClaims();
        if (self) {
            requireVolunteer(claims);
        }
        return new DefaultJWTCallerPrincipal(token, verified.getJoseObjects().get(0).getHeader("typ"), claims);
    }

    /** The organisation's settings (clock skew, claim paths) with this service's issuer and keys. */
    private JWTAuthContextInfo selfContext(JWTAuthContextInfo organisation) {
        if (selfContext == null) {
            selfContext = selfContextOf(organisation);
        }
        return selfContext;
    }

    private JWTAuthContextInfo selfContextOf(JWTAuthContextInfo organisation) {
        JWTAuthContextInfo self = new JWTAuthContextInfo(organisation);
        self.setIssuedBy(selfIssuer);
        self.setPublicKeyLocation(null);
        self.setPublicKeyContent(selfJwks);
        self.setPublicVerificationKey(null);
        self.setExpectedAudience(null);
        self.setTokenKeyId(null);
        self.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        return self;
    }

    private static void requireVolunteer(JwtClaims claims) throws ParseException {
        try {
            List<String> groups = claims.getStringListClaimValue("groups");
            String subject = claims.getSubject();
            if (groups == null || !Set.copyOf(groups).equals(Set.of(Roles.VOLUNTEER))
                    || subject == null || !VOLUNTEER_ID.matcher(subject).matches()) {
                throw new ParseException("a token of this service is a volunteer's only");
            }
        } catch (MalformedClaimException e) {
            throw new ParseException("a token of this service is a volunteer's only", e);
        }
    }
}
