package org.timebank.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The RSA keys this service signs its own access tokens with (RS256): the current signing key and
 * the public keys of earlier ones, each named by its RFC 7638 thumbprint ({@code kid}). A token
 * names its key, so tokens signed before a rotation verify until they expire.
 */
@ApplicationScoped
public class ServiceKeys {
    private final PrivateKey signingKey;
    private final String currentKeyId;
    private final JsonWebKeySet published;

    @Inject
    public ServiceKeys(AuthConfig config) {
        this(config.signingKey(), config.publicKey(), config.previousPublicKeys().orElse(List.of()));
    }

    public ServiceKeys(String signingKey, String publicKey, List<String> previousPublicKeys) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            this.signingKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(decode(signingKey, "timebank.auth.signing-key")));
            RSAPublicKey current = publicKey(rsa, publicKey, "timebank.auth.public-key");
            if (current.getModulus().bitLength() < 2048) {
                throw new IllegalArgumentException("timebank.auth.public-key: an RSA key of 2048 bits or more is needed");
            }
            requirePair(this.signingKey, current);
            Map<String, JsonWebKey> keys = new LinkedHashMap<>();
            RsaJsonWebKey jwk = jwk(current);
            this.currentKeyId = jwk.getKeyId();
            keys.put(jwk.getKeyId(), jwk);
            for (String previous : previousPublicKeys) {
                if (!previous.isBlank()) {
                    RsaJsonWebKey p = jwk(publicKey(rsa, previous.strip(), "timebank.auth.previous-public-keys"));
                    keys.putIfAbsent(p.getKeyId(), p);
                }
            }
            this.published = new JsonWebKeySet(new ArrayList<>(keys.values()));
        } catch (GeneralSecurityException | JoseException e) {
            throw new IllegalArgumentException("timebank.auth keys cannot be read: " + e.getMessage(), e);
        }
    }

    private static byte[] decode(String base64, String setting) {
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + " is not base64", e);
        }
    }

    private static RSAPublicKey publicKey(KeyFactory rsa, String base64, String setting) throws GeneralSecurityException {
        return (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(decode(base64, setting)));
    }

    private static void requirePair(PrivateKey privateKey, RSAPublicKey publicKey) throws GeneralSecurityException {
        byte[] probe = "timebank.auth key pair".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(privateKey);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update(probe);
        if (!verifier.verify(signature)) {
            throw new IllegalArgumentException("timebank.auth.signing-key and timebank.auth.public-key are not a pair");
        }
    }

    private static RsaJsonWebKey jwk(RSAPublicKey key) throws JoseException {
        RsaJsonWebKey jwk = (RsaJsonWebKey) PublicJsonWebKey.Factory.newPublicJwk(key);
        jwk.setKeyId(jwk.calculateBase64urlEncodedThumbprint("SHA-256"));
        jwk.setUse("sig");
        jwk.setAlgorithm("RS256");
        return jwk;
    }

    PrivateKey signingKey() {
        return signingKey;
    }

    /** The {@code kid} of the signing key. */
    public String currentKeyId() {
        return currentKeyId;
    }

    /** The JWK Set of the current and the previous public keys, as GET /.well-known/jwks.json publishes it. */
    public String jwks() {
        return published.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }
}
