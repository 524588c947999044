package org.timebank.ledger;

import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How often the ledger's background jobs run (read by the scheduler); {@code off} stops one.
 * Unremovable: the scheduler reads {@code ${timebank.ledger.*}} by name, and Quarkus registers a
 * mapping, its defaults with it, only where a bean injects it or it is unremovable.
 */
@ConfigMapping(prefix = "timebank.ledger")
@Unremovable
public interface LedgerConfig {
    /** How often committed transactions are appended to the hash chain. */
    @WithDefault("1s")
    String sealEvery();

    /** How often the deltas of hot accounts are folded into their rows. */
    @WithDefault("1s")
    String foldEvery();

    /** How often holds past their timeout are released. */
    @WithDefault("5s")
    String holdExpiryEvery();
}
