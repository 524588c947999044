package org.timebank.volunteer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Personal numbers at rest: AES-256-GCM (random 96-bit nonce, stored before the ciphertext) for
 * reading back, and HMAC-SHA-256 under a separate key for lookups and uniqueness. Both keys come
 * from configuration (base64, 32 bytes each).
 */
@ApplicationScoped
public class PiiProtector {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec hashKey;

    @Inject
    public PiiProtector(PiiConfig config) {
        this(config.encryptionKey(), config.hashKey());
    }

    /** With the keys themselves, for the benchmark's data generator, which runs without the container. */
    public PiiProtector(String encryptionKey, String hashKey) {
        this.encryptionKey = new SecretKeySpec(key(encryptionKey, "timebank.pii.encryption-key"), "AES");
        this.hashKey = new SecretKeySpec(key(hashKey, "timebank.pii.hash-key"), "HmacSHA256");
    }

    private static byte[] key(String base64, String name) {
        byte[] key = Base64.getDecoder().decode(base64.strip());
        if (key.length != 32) {
            throw new IllegalArgumentException(name + " must be 32 bytes, base64-encoded");
        }
        return key;
    }

    public byte[] encrypt(String plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed (wrong key?)", e);
        }
    }

    /** The keyed hash a value is found and kept unique by; {@code kind} separates phone from ID numbers. */
    public byte[] hash(String kind, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            mac.update(kind.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
