package org.timebank.volunteer.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.timebank.support.Api;

/**
 * The name-prefix search reads each community's range of {@code volunteer_home_name}, never the
 * whole table. The test data is small, so the planner is told that scanning tables is expensive, as
 * it is at city scale (README "Volunteers: personal data, finding and moving" has the plans
 * measured there); without a usable index it would scan regardless.
 */
@QuarkusTest
class VolunteerStoreTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_name_prefix_search_reads_each_community_s_range_of_the_home_and_name_index() throws Exception {
        Api.Tree t = Api.tree();
        long someone = Api.volunteer(t.community()).id();
        for (boolean scoped : List.of(false, true)) {
            for (boolean paged : List.of(false, true)) {
                String plan = plan(VolunteerStore.namePrefixSql(scoped, paged, 21), scoped, paged, t.street(), someone);
                String where = "scoped " + scoped + ", paged " + paged + ":\n" + plan;
                assertTrue(plan.contains("using volunteer_home_name on volunteer v"), where);
                String cond = plan.lines().dropWhile(l -> !l.contains("using volunteer_home_name"))
                        .filter(l -> l.contains("Index Cond")).findFirst().orElse("");
                // a range of the index, whether the plan is for the values or generic (the service's)
                assertTrue(cond.contains("home_community_id = r.id") && cond.matches(".*name(\\)::text)? >= ('张'|\\$1).*")
                        && cond.matches(".*name(\\)::text)? < .*"), where);
                assertFalse(plan.contains("Seq Scan on volunteer"), where);
            }
        }
    }

    @Test
    void the_range_of_a_prefix_holds_every_name_that_starts_with_it_and_no_other() throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select n collate \"C\" >= ? and n collate \"C\" < ? "
                     + "from unnest(array['张', '张三', '张\uFFFF', '张' || chr(1114110), '张0', '弓', '彰', '张', ''])"
                     + " with ordinality as x(n, i) order by i")) {
            s.setString(1, "张");
            s.setString(2, VolunteerStore.prefixEnd("张"));
            List<Boolean> inside = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    inside.add(r.getBoolean(1));
                }
            }
            assertEquals(List.of(true, true, true, true, true, false, false, true, false), inside);
        }
    }

    @Test
    void wildcards_of_a_prefix_are_escaped() {
        assertEquals("张%", VolunteerStore.likePrefix("张"));
        assertEquals("a\\_b\\%c\\\\%", VolunteerStore.likePrefix("a_b%c\\"));
    }

    private String plan(String sql, boolean scoped, boolean paged, long region, long after) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set local enable_seqscan = off");
            }
            List<String> lines = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("explain " + sql)) {
                int i = 1;
                s.setString(i++, "张");
                s.setString(i++, VolunteerStore.prefixEnd("张"));
                s.setString(i++, VolunteerStore.likePrefix("张"));
                if (paged) {
                    s.setLong(i++, after);
                    s.setLong(i++, after);
                }
                if (scoped) {
                    s.setArray(i, c.createArrayOf("bigint", new Long[] {region}));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        lines.add(r.getString(1));
                    }
                }
            } finally {
                c.rollback();
            }
            return String.join("\n", lines);
        }
    }
}
