package org.timebank.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.timebank.auth.domain.OpaqueToken;
import org.timebank.auth.persistence.SignInStore;
import org.timebank.common.Tx;
import org.timebank.support.Api;

/** The purge of sign-in's leftovers: what expired or was revoked goes after the grace, what may still be used stays. */
@QuarkusTest
class SignInPurgeTest {
    @Inject
    SignInHousekeeping housekeeping;
    @Inject
    SignInStore store;
    @Inject
    AuthConfig config;
    @Inject
    Tx tx;

    private byte[] ticket(Instant expiresAt) {
        byte[] hash = OpaqueToken.hash(OpaqueToken.random());
        tx.inNew(() -> {
            store.addTicket(hash, Api.unique("openid"), null, expiresAt);
            return null;
        });
        return hash;
    }

    private byte[] refresh(long volunteerId, UUID family, Instant expiresAt) {
        byte[] hash = OpaqueToken.hash(OpaqueToken.random());
        tx.inNew(() -> {
            store.addRefresh(hash, family, volunteerId, expiresAt);
            return null;
        });
        return hash;
    }

    private boolean ticketKept(byte[] hash) {
        return tx.inNew(() -> store.ticket(hash, false)).isPresent();
    }

    private boolean refreshKept(byte[] hash) {
        return tx.inNew(() -> store.refresh(hash)).isPresent();
    }

    @Test
    void expired_tickets_and_expired_or_revoked_refresh_tokens_go_after_the_grace_and_live_ones_stay() {
        Instant now = Instant.now();
        Duration grace = config.purgeGrace();
        // the purge runs a day after the grace has passed for what ends now
        Instant purgeAt = now.plus(grace).plus(Duration.ofDays(1));
        long volunteer = Api.volunteer(Api.tree().community()).id();

        byte[] expiredTicket = ticket(now.plus(Duration.ofMinutes(10)));
        byte[] ticketWithinGrace = ticket(now.plus(Duration.ofDays(2)));
        byte[] liveTicket = ticket(purgeAt.plus(Duration.ofMinutes(10)));

        byte[] expiredRefresh = refresh(volunteer, UUID.randomUUID(), now.plus(Duration.ofHours(1)));
        UUID revokedFamily = UUID.randomUUID();
        byte[] revokedRefresh = refresh(volunteer, revokedFamily, purgeAt.plus(Duration.ofDays(30)));
        tx.inNew(() -> {
            store.revokeFamily(revokedFamily);
            return null;
        });
        UUID spentFamily = UUID.randomUUID();
        byte[] spentRefresh = refresh(volunteer, spentFamily, purgeAt.plus(Duration.ofDays(30)));
        tx.inNew(() -> {
            store.spendRefresh(spentRefresh);
            return null;
        });
        byte[] refreshWithinGrace = refresh(volunteer, UUID.randomUUID(), now.plus(Duration.ofDays(2)));
        byte[] liveRefresh = refresh(volunteer, UUID.randomUUID(), purgeAt.plus(Duration.ofDays(30)));

        housekeeping.purge(now);
        assertTrue(ticketKept(expiredTicket) && refreshKept(expiredRefresh) && refreshKept(revokedRefresh),
                "nothing of these has been dead for the grace yet: " + grace);
        SignInHousekeeping.Purged purged = housekeeping.purge(purgeAt);

        assertTrue(purged.tickets() >= 1 && purged.refreshTokens() >= 2, purged.toString());
        assertFalse(ticketKept(expiredTicket), "expired before the grace");
        assertTrue(ticketKept(ticketWithinGrace), "expired, but within the grace");
        assertTrue(ticketKept(liveTicket));
        assertFalse(refreshKept(expiredRefresh), "expired before the grace");
        assertFalse(refreshKept(revokedRefresh), "revoked before the grace, though not expired");
        assertTrue(refreshKept(spentRefresh), "used but live: presented again, it must still reveal the leak");
        assertTrue(refreshKept(refreshWithinGrace), "expired, but within the grace");
        assertTrue(refreshKept(liveRefresh));
        assertEquals(new SignInHousekeeping.Purged(0, 0), housekeeping.purge(purgeAt), "a second run finds nothing");
    }
}
