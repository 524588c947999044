package org.timebank.common;

/**
 * Who is calling, as the idempotency records name them; the security package provides it, so that
 * {@code common} need not depend on {@code security}.
 */
public interface CallerIdentity {
    String subject();
}
