package org.timebank.dev;

import java.util.Set;
import org.timebank.common.Roles;
import org.timebank.security.Caller;

/**
 * A demo volunteer acting through the services as they would through the API (posting a need,
 * taking one, naming family): the services ask a {@link Caller}, which is otherwise read from a
 * request's token. Dev and test only, as the demo data is.
 */
final class DemoCaller extends Caller {
    private final String subject;

    private DemoCaller(String subject) {
        this.subject = subject;
    }

    static DemoCaller volunteer(long volunteerId) {
        return new DemoCaller(Long.toString(volunteerId));
    }

    @Override
    public String subject() {
        return subject;
    }

    @Override
    public boolean is(String role) {
        return Roles.VOLUNTEER.equals(role);
    }

    @Override
    public Set<Long> regions() {
        return Set.of();
    }
}
