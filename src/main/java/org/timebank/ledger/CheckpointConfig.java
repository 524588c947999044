package org.timebank.ledger;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/**
 * The keys of the signed checkpoints (README "Checkpoints"), kept out of the database like the PII
 * keys. Generate a pair with {@code openssl genpkey -algorithm ed25519}; see README.
 */
@ConfigMapping(prefix = "timebank.ledger.checkpoints")
public interface CheckpointConfig {
    /** Base64 of the Ed25519 private key, PKCS#8 DER. */
    String signingKey();

    /** Base64 of its public key, X.509 DER; startup fails if the two are not a pair. */
    String publicKey();

    /** How often the chain's head is signed when it moved (read by the scheduler); {@code off} stops it. */
    String every();

    /** Public keys of earlier signing keys, so that their checkpoints still verify after a rotation. */
    Optional<List<String>> previousPublicKeys();
}
