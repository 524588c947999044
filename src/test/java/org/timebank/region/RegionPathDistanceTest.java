package org.timebank.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code region_path_distance}, the one statement of "the nearest region on the path" that the
 * inherited rules (conversion, redemption minimum, transfers, expiry) are looked up by.
 */
@QuarkusTest
class RegionPathDistanceTest {
    private static final Long[] PATH = {10L, 20L, 30L, 40L};

    @Inject
    AgroalDataSource dataSource;

    @Test
    void the_region_itself_is_nearest_then_its_parent_up_to_the_city() throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select region_path_distance(?, 40), region_path_distance(?, 30), "
                     + "region_path_distance(?, 10), region_path_distance(?, 99)")) {
            for (int i = 1; i <= 4; i++) {
                s.setArray(i, c.createArrayOf("bigint", PATH));
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertEquals(List.of(0, 1, 3), List.of(r.getInt(1), r.getInt(2), r.getInt(3)));
                assertNull(r.getObject(4), "a region off the path has no distance");
            }
        }
    }

    @Test
    void a_nearest_rule_lookup_is_inlined_and_reads_the_rule_table_s_primary_key() throws Exception {
        List<String> plan = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // the test data is small; at city scale scanning the rule table costs what it says here
                s.execute("set local enable_seqscan = off");
            }
            try (PreparedStatement s = c.prepareStatement("explain select min_minutes from redemption_rule "
                    + "where region_id = any (?) order by region_path_distance(?, region_id) limit 1")) {
                s.setArray(1, c.createArrayOf("bigint", PATH));
                s.setArray(2, c.createArrayOf("bigint", PATH));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        plan.add(r.getString(1));
                    }
                }
            } finally {
                c.rollback();
            }
        }
        String text = String.join("\n", plan);
        assertTrue(text.contains("redemption_rule_pkey"), text);
        assertFalse(text.contains("region_path_distance"), "called, not inlined:\n" + text);
    }
}
