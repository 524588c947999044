package org.timebank.common;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import org.hibernate.validator.spi.messageinterpolation.LocaleResolver;
import org.hibernate.validator.spi.messageinterpolation.LocaleResolverContext;

/**
 * Bean Validation messages in the language of the problem around them. The built-in resolver only
 * matches the configured tags exactly (an {@code en-US} caller would get Chinese field errors under
 * an English detail); this one applies the rule of {@link Messages#localeOf(List)}.
 */
@Singleton
public class ValidationLocale implements LocaleResolver {
    @Inject
    CurrentVertxRequest request;

    @Override
    public Locale resolve(LocaleResolverContext context) {
        RoutingContext current = request.getCurrent();
        String header = current == null ? null : current.request().getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            List<Locale> wanted = Locale.LanguageRange.parse(header).stream()
                    .map(range -> Locale.forLanguageTag(range.getRange()))
                    .toList();
            return Messages.localeOf(wanted);
        } catch (IllegalArgumentException malformedHeader) {
            return null;
        }
    }
}
