package org.timebank.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Refuses oversized bodies before they are read, with a problem document (413 BODY_TOO_LARGE). */
public class RequestLimits {
    @ConfigProperty(name = "timebank.http.max-json-bytes", defaultValue = "65536")
    long maxJsonBytes;
    @ConfigProperty(name = "timebank.import.max-bytes", defaultValue = "2097152")
    long maxImportBytes;

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return null;
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return null;
        }
        MediaType type = request.getMediaType();
        boolean csv = type != null && ("csv".equals(type.getSubtype()) || MediaType.TEXT_PLAIN_TYPE.isCompatible(type));
        long max = csv ? maxImportBytes : maxJsonBytes;
        if (bytes <= max) {
            return null;
        }
        Locale locale;
        try {
            locale = Messages.localeOf(request.getAcceptableLanguages());
        } catch (RuntimeException malformedHeader) {
            locale = Messages.CHINESE;
        }
        return ProblemMappers.problem(413, "BODY_TOO_LARGE", List.of(), locale, request.getUriInfo().getPath(), max);
    }
}
