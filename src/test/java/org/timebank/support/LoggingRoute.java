package org.timebank.support;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * A route of the test application only: it logs one line on a worker thread, as a blocking
 * resource method would, so that a test can see what that line carries.
 */
@ApplicationScoped
public class LoggingRoute {
    public static final String PATH = "/test/log-a-line";
    private static final Logger LOG = Logger.getLogger(LoggingRoute.class);

    void install(@Observes Router router) {
        router.get(PATH).blockingHandler(rc -> {
            LOG.info("a line logged while serving a request");
            rc.response().end();
        });
    }
}
