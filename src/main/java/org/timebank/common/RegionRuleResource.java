package org.timebank.common;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/**
 * The shape of a rule set on a region and inherited down its subtree (points expiry, the minimum of
 * service before redeeming): anyone signed in reads the rule in force, an admin sets it, with an
 * optional Idempotency-Key. Each subclass carries its path and documentation and says how its
 * rule is read and set.
 *
 * @param <V> the rule in force, as the API shows it
 * @param <P> the request that sets it
 */
public abstract class RegionRuleResource<V, P> {
    @Inject
    protected Tx tx;
    @Inject
    protected Idempotency idempotency;

    /** The rule in force for the region. */
    protected abstract V inForce(long regionId);

    /** Sets the region's rule; returns the rule now in force. */
    protected abstract V set(long regionId, P request);

    protected V read(long regionId) {
        return tx.inNew(() -> inForce(regionId));
    }

    /** Called from an {@link Idempotent} method. */
    protected Response write(String idempotencyKey, long regionId, P request) {
        return idempotency.write(idempotencyKey, request, () -> Idempotency.Outcome.ok(set(regionId, request)));
    }
}
