package org.timebank.ledger.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointKeysTest {
    // two published dev-only pairs (application.properties, %dev and %test)
    static final String DEV_PRIVATE = "MC4CAQAwBQYDK2VwBCIEIH83t86Tz4xH5DcKflA9UPZaLQniHWyefdIdGFJ6o9W8";
    static final String DEV_PUBLIC = "MCowBQYDK2VwAyEAmRNZ1+MvLmKc+lHr77gKhqzwPJ6ONgzZnIwkYFB/Hgo=";
    static final String TEST_PRIVATE = "MC4CAQAwBQYDK2VwBCIEIM4CabTZKbdb2l5tr2YYKCjy0IdjRbSJkM57H7xyaS3r";
    static final String TEST_PUBLIC = "MCowBQYDK2VwAyEAymTnwCI4iPRkeB+eydFQZK6U59kqgjH58hr0Xx+Et90=";
    static final byte[] HASH = new byte[32];

    @Test
    void a_checkpoint_verifies_and_any_change_to_what_it_states_breaks_it() {
        CheckpointKeys keys = new CheckpointKeys(TEST_PRIVATE, TEST_PUBLIC, List.of());
        Checkpoint c = keys.sign(42, HASH, Instant.parse("2026-11-30T09:00:00.123456789Z"));
        assertEquals(Instant.parse("2026-11-30T09:00:00.123456Z"), c.signedAt(), "kept to the microsecond, as stored");
        assertTrue(keys.verifies(c));
        assertEquals("timebank-ledger-checkpoint:v1\n42\n" + "00".repeat(32) + "\n2026-11-30T09:00:00.123456Z\n",
                new String(c.signedText(), StandardCharsets.UTF_8));

        byte[] otherHash = HASH.clone();
        otherHash[31] = 1;
        assertFalse(keys.verifies(new Checkpoint(43, HASH, c.signedAt(), c.keyId(), c.signature())));
        assertFalse(keys.verifies(new Checkpoint(42, otherHash, c.signedAt(), c.keyId(), c.signature())));
        assertFalse(keys.verifies(new Checkpoint(42, HASH, c.signedAt().plusSeconds(1), c.keyId(), c.signature())));
        assertFalse(keys.verifies(new Checkpoint(42, HASH, c.signedAt(), "0123456789abcdef", c.signature())));
    }

    @Test
    void after_a_rotation_the_old_keys_checkpoints_still_verify_and_new_ones_name_the_new_key() {
        CheckpointKeys before = new CheckpointKeys(DEV_PRIVATE, DEV_PUBLIC, List.of());
        Checkpoint old = before.sign(7, HASH, Instant.now());
        CheckpointKeys after = new CheckpointKeys(TEST_PRIVATE, TEST_PUBLIC, List.of(DEV_PUBLIC));
        assertTrue(after.verifies(old));
        Checkpoint fresh = after.sign(8, HASH, Instant.now());
        assertTrue(after.verifies(fresh));
        assertFalse(before.verifies(fresh), "the old set does not know the new key");
        assertEquals(List.of(true, false), after.published().stream().map(CheckpointKeys.PublishedKey::current).toList());
        assertEquals(old.keyId(), after.published().get(1).keyId());
    }

    @Test
    void a_private_key_with_another_keys_public_half_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new CheckpointKeys(TEST_PRIVATE, DEV_PUBLIC, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new CheckpointKeys("REPLACE_ME", TEST_PUBLIC, List.of()));
    }
}
