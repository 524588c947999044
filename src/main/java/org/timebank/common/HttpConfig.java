package org.timebank.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** This service's own limits on a request, below Vert.x's (see {@link TransportLimits}). */
@ConfigMapping(prefix = "timebank.http")
public interface HttpConfig {
    /** Bytes of a JSON request body. */
    @WithDefault("65536")
    long maxJsonBytes();

    /** Bytes of the request line (method, path and query). */
    @WithDefault("4096")
    int maxRequestLine();

    /** Bytes of all request headers. */
    @WithDefault("20480")
    int maxHeaderBytes();
}
