package org.timebank.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.Session;

/**
 * Plain JDBC on the connection of the current transaction (the same one Hibernate uses), for the
 * ledger's single-round-trip statements.
 */
@ApplicationScoped
public class Jdbc {
    @Inject
    EntityManager em;
    @Inject
    Sql sql;

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} after the transaction's {@link Sql#defer deferred} writes have gone out. */
    public <T> T run(Work<T> work) {
        sql.flush();
        Session session = em.unwrap(Session.class);
        return session.doReturningWork(work::run);
    }
}
