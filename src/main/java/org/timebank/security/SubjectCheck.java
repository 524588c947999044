package org.timebank.security;

import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Every signed-in request has its subject read once, before the endpoint: an ambiguous one goes no further. */
public class SubjectCheck {
    @Inject
    JsonWebToken jwt;
    @Inject
    Caller caller;

    @ServerRequestFilter
    public void check() {
        if (jwt.getRawToken() != null) {
            caller.subject();
        }
    }
}
