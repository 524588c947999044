package org.timebank.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.timebank.support.Api.as;
import static org.timebank.support.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;
import org.timebank.support.Api;
import org.timebank.support.Tokens;

/**
 * The service trusts two issuers: the organisation's identity provider (the demo key here), for every
 * role, and itself, for volunteers only; tokens of both verify, and a token of its own that claims
 * more is refused, as is any token signed by the other issuer's key.
 */
@QuarkusTest
class TwoIssuersTest {
    static final String SELF = "https://timebank.test/self";
    /** The private half of %test.timebank.auth.previous-public-keys: the key before a rotation. */
    static final String PREVIOUS_SIGNING_KEY = "MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDjOGa8ZolgtRH/8GTgHadLVRT6dP1enNlEnOC1lN0tC9kjAeZT6DGkyAhqTIjtQTJ2sCdrLM4V4oyTj1bU5JwZtd64NgT/mFpAGkvJGHZmOaBXjvKGaU39BxRR//YpKc71SJmwRxMQvoUvJfXildYbjIefDTZwe26U+M6CsxFQi8NP8dWBjkwWuKMQC7faCvap/Q+teXsNNJqmOd7nTI2H8Rvp5Y3Zd6KkSD3L6fS8BFpK68jKhFY2ZWoHT70+PGN8h0w+8vctuiVfw+jIOaVnJAT5UGrmKxwnr/7VXOTegQ2SKzLZh5uynSDzoskOBp2WvDhtHlO34B2u38qO+d5LAgMBAAECggEAMXCwSgY1lilQBVSVXn6VTDrzGZwjFVcjn15TNq9xgL+3O3rKVy+KvcQYsKh+ksFA7bpemV9iaDinReRGjIRBwwZjs8ltRQAtgw01uEfuW0fmr6aW9tAq/AdyUHVVZpeGRLDLYCPW7inGaP/lhKv9rnjheaYyVj9FTHzm0mGMPu4BOcQLwK/rYGfpSZIBHUxbef+aYxGvPkaLjWtpmnL2oeTGULJuFGP95V3Xn6IvcVMcXWcak58THmjOYJG9oM7LWct7dSIjFNhVyp9Gt3vOi9GS+4T7itZ7toF1lNrIuDI9VX50RWCjIEpG7NMFTQrmq1zx0McJpxkwq/Rd8nBZAQKBgQD8+fMfZNB8AB+/rcu6zpbM/Qk5GIGCTVjExMJoNWNSFBD/hyNd7m05C6/9zIlxp4OpVz4RLbq5+oCfcsHDQqlatVFcCZCv0tDBL6oI2Tmw5TPrHkxys2MOUkLfszQxzWplUnwPYBZvzauo68Hz/eS3VEnG5Rkd6hGsQ6z7ck+hIQKBgQDl76TZyc7COSZ3NmMgdY+5QHcZPqcSrF3HBFAO00rNNcVk4v8ad+Sr7GacrUQ8W1Uk/IVJ+4vOHWBKBFwHlKoCqe734Y3KkaQMT+S2PBPhs0TJH06GPYQ4ZhnSQYh2+w/O0Ku7Wp6eIE3mxtsfBoGgWTeurpENDLtq73PVhkFV6wKBgQCZUUb2xNvR+yVCvysU+XXNoKGBWAfNl+DvyCvmiky6huzSYO2fVQwfIaU01UyLdDHIZNZ6BNQBOP/RIvSpyXHoRrGbbTSiSss3+hI8MKLVQeQYYBGHBo9HM7XR68L7V/pelAIaM2sFsYmS4+d1X2/JaC0afOifB6hUVeO1tM7r4QKBgQDXcGNYQBL+vgeBeS8FscD5RSKSP7bQ8zlmiG7uhSC4B6Ks9VcqmJ1kTLqUIHAn0TeE0Smd+Re0Bqg6kb0cyTlGB6zFCswMucsoUg8shDvopExV2YR8mNTy9w9IhmhzeqcEE1Zk0/J8nC4Bhd63QiRgdleKzztPK9fKyRMSRJmhAwKBgEAKySdjH66Zi28eFLHtPkuvXuHneK52iO/rN9ts2w6O6/4FirmHEgyFRJahUJXT38RXI0tpYEaRDjjKL1AfxXlyhiliPOgrIPm9gwBP3WwjACe12pNkMfc+S5m3iuvTi+iJbueEW+sVaTZFdzuO9JO5kyhjwFVg5hNVQdDXMZr+";

    private static String config(String name) {
        return ConfigProvider.getConfig().getValue(name, String.class);
    }

    private static PrivateKey privateKey(String base64) throws Exception {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static String kid(String publicKey) throws Exception {
        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
        return PublicJsonWebKey.Factory.newPublicJwk(key).calculateBase64urlEncodedThumbprint("SHA-256");
    }

    private static String selfToken(String subject, Set<String> groups) throws Exception {
        return Jwt.issuer(SELF).subject(subject).groups(groups).expiresIn(Duration.ofMinutes(5)).jws()
                .algorithm(SignatureAlgorithm.RS256).keyId(kid(config("timebank.auth.public-key")))
                .sign(privateKey(config("timebank.auth.signing-key")));
    }

    @Test
    void the_jwks_publishes_the_current_and_the_previous_key_by_kid() throws Exception {
        JsonPath jwks = given().get("/.well-known/jwks.json").then().statusCode(200)
                .contentType("application/jwk-set+json").extract().jsonPath();
        assertEquals(List.of(kid(config("timebank.auth.public-key")), kid(config("timebank.auth.previous-public-keys"))),
                jwks.getList("keys.kid"));
        assertEquals(List.of("RSA", "RSA"), jwks.getList("keys.kty"));
        assertEquals(List.of("RS256", "RS256"), jwks.getList("keys.alg"));
        assertEquals(List.of(), jwks.getList("keys.findAll { it.d != null }"), "no private part is published");
    }

    @Test
    void a_volunteer_token_of_this_service_and_a_staff_token_of_the_organisation_are_both_accepted() throws Exception {
        Api.Tree t = Api.tree();
        Api.Volunteer v = Api.volunteer(t.community());
        as(selfToken(Long.toString(v.id()), Set.of("volunteer"))).get("/api/v1/volunteers/" + v.id() + "/balance")
                .then().statusCode(200);
        as(Tokens.staff("staff-two-issuers", t.street())).get("/api/v1/volunteers/" + v.id()).then().statusCode(200);
    }

    @Test
    void a_token_signed_before_the_key_rotation_is_still_accepted() throws Exception {
        Api.Volunteer v = Api.volunteer(Api.tree().community());
        String old = Jwt.issuer(SELF).subject(Long.toString(v.id())).groups(Set.of("volunteer"))
                .expiresIn(Duration.ofMinutes(5)).jws().algorithm(SignatureAlgorithm.RS256)
                .keyId(kid(config("timebank.auth.previous-public-keys"))).sign(privateKey(PREVIOUS_SIGNING_KEY));
        as(old).get("/api/v1/me").then().statusCode(200).body("subject", equalTo(Long.toString(v.id())));
    }

    @Test
    void a_token_of_this_service_claiming_staff_shop_or_admin_is_refused() throws Exception {
        Api.Tree t = Api.tree();
        for (Set<String> groups : List.of(Set.of("staff"), Set.of("admin"), Set.of("shop"), Set.of("volunteer", "admin"))) {
            assertProblem(as(selfToken("1", groups)).get("/api/v1/me"), 401, "UNAUTHENTICATED");
        }
        assertProblem(as(selfToken("staff-x", Set.of("volunteer"))).get("/api/v1/me"), 401, "UNAUTHENTICATED");
        assertProblem(as(selfToken("1", Set.of("admin"))).get("/api/v1/regions/" + t.city()), 401, "UNAUTHENTICATED");
    }

    @Test
    void a_token_signed_with_the_other_issuers_key_is_refused() throws Exception {
        // this service's issuer, the organisation's (demo) key: the default signing key of the tests
        String forged = Jwt.issuer(SELF).subject("1").groups(Set.of("volunteer")).expiresIn(Duration.ofMinutes(5)).sign();
        assertProblem(as(forged).get("/api/v1/me"), 401, "UNAUTHENTICATED");
        // the organisation's issuer, this service's key: it may not make an admin
        String admin = Jwt.issuer(Tokens.ISSUER).subject("admin-forged").groups(Set.of("admin"))
                .expiresIn(Duration.ofMinutes(5)).jws().algorithm(SignatureAlgorithm.RS256)
                .keyId(kid(config("timebank.auth.public-key"))).sign(privateKey(config("timebank.auth.signing-key")));
        assertProblem(as(admin).get("/api/v1/me"), 401, "UNAUTHENTICATED");
    }

    @Test
    void an_expired_token_of_this_service_is_refused() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String expired = Jwt.issuer(SELF).subject("1").groups(Set.of("volunteer")).issuedAt(now - 7200)
                .expiresAt(now - 3600).jws().algorithm(SignatureAlgorithm.RS256)
                .keyId(kid(config("timebank.auth.public-key"))).sign(privateKey(config("timebank.auth.signing-key")));
        assertProblem(as(expired).get("/api/v1/me"), 401, "UNAUTHENTICATED");
    }
}
