package org.timebank.volunteer;

import io.smallrye.config.ConfigMapping;

/** The keys of personal numbers at rest (see {@link PiiProtector}); no defaults: production must set both. */
@ConfigMapping(prefix = "timebank.pii")
public interface PiiConfig {
    /** Base64 of 32 bytes: the AES-256-GCM key. */
    String encryptionKey();

    /** Base64 of 32 bytes: the HMAC-SHA-256 key for lookups and uniqueness. */
    String hashKey();
}
