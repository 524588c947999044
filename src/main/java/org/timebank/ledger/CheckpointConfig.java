package org.timebank.ledger;

import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * The keys of the signed checkpoints (README "Checkpoints"), kept out of the database like the PII
 * keys. Generate a pair with {@code openssl genpkey -algorithm ed25519}; see README.
 * Unremovable: the scheduler reads {@code ${timebank.ledger.checkpoints.every}} by name, and Quarkus
 * registers a mapping, its defaults with it, only where a bean injects it or it is unremovable.
 */
@ConfigMapping(prefix = "timebank.ledger.checkpoints")
@Unremovable
public interface CheckpointConfig {
    /** Base64 of the Ed25519 private key, PKCS#8 DER. */
    String signingKey();

    /** Base64 of its public key, X.509 DER; startup fails if the two are not a pair. */
    String publicKey();

    /** How often the chain's head is signed when it moved (read by the scheduler); {@code off} stops it. */
    @WithDefault("1h")
    String every();

    /** Public keys of earlier signing keys, so that their checkpoints still verify after a rotation. */
    Optional<List<String>> previousPublicKeys();
}
