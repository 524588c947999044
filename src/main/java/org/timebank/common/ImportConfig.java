package org.timebank.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The opening-balance import's limits. Here rather than beside the import because
 * {@link TransportLimits} refuses an oversized upload before any resource runs.
 */
@ConfigMapping(prefix = "timebank.import")
public interface ImportConfig {
    /** Data lines per import. */
    @WithDefault("10000")
    int maxLines();

    /** Bytes of an import file. */
    @WithDefault("2097152")
    int maxBytes();
}
