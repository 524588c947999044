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

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    public <T> T run(Work<T> work) {
        Session session = em.unwrap(Session.class);
        return session.doReturningWork(work::run);
    }
}
