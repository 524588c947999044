package org.timebank.ledger.domain;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Ed25519 keys of the checkpoints: the current signing key, its public key, and the public
 * keys of earlier signing keys (so checkpoints signed before a rotation still verify). A key's id is
 * the first 16 hex digits of the SHA-256 of its public key (X.509 SubjectPublicKeyInfo, DER).
 */
public final class CheckpointKeys {
    /** A public key as published: its id, the key (base64 of the DER), and whether it signs now. */
    public record PublishedKey(String keyId, String publicKey, boolean current) {}

    private final PrivateKey signingKey;
    private final String currentKeyId;
    private final Map<String, PublicKey> publicKeys = new LinkedHashMap<>();
    private final Map<String, String> encoded = new LinkedHashMap<>();

    /**
     * @param signingKey base64 PKCS#8 (DER) Ed25519 private key
     * @param publicKey its base64 X.509 (DER) public key; refused if the two are not a pair
     * @param previousPublicKeys base64 X.509 public keys of keys that signed before
     */
    public CheckpointKeys(String signingKey, String publicKey, List<String> previousPublicKeys) {
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            this.signingKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(signingKey.strip())));
            this.currentKeyId = add(factory, publicKey);
            for (String previous : previousPublicKeys) {
                add(factory, previous);
            }
            byte[] probe = "timebank-ledger-checkpoint:probe".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (!verify(publicKeys.get(currentKeyId), probe, sign(probe))) {
                throw new IllegalArgumentException("the checkpoint public key is not the signing key's");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("timebank.ledger.checkpoints keys: " + e.getMessage(), e);
        }
    }

    private String add(KeyFactory factory, String base64) throws GeneralSecurityException {
        byte[] der = Base64.getDecoder().decode(base64.strip());
        PublicKey key = factory.generatePublic(new X509EncodedKeySpec(der));
        String id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der), 0, 8);
        publicKeys.put(id, key);
        encoded.put(id, Base64.getEncoder().encodeToString(der));
        return id;
    }

    /** Signs the chain link {@code seq} with hash {@code hash} as of {@code now} (kept to the microsecond). */
    public Checkpoint sign(long seq, byte[] hash, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return new Checkpoint(seq, hash, at, currentKeyId, sign(Checkpoint.signedText(seq, hash, at)));
    }

    /** True when a known key made the checkpoint's signature over its own seq, hash and time. */
    public boolean verifies(Checkpoint c) {
        PublicKey key = publicKeys.get(c.keyId());
        return key != null && verify(key, c.signedText(), c.signature());
    }

    public List<PublishedKey> published() {
        return encoded.entrySet().stream()
                .map(e -> new PublishedKey(e.getKey(), e.getValue(), e.getKey().equals(currentKeyId))).toList();
    }

    private byte[] sign(byte[] text) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(signingKey);
            s.update(text);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean verify(PublicKey key, byte[] text, byte[] signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(text);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
