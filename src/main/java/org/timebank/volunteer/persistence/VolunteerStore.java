package org.timebank.volunteer.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.timebank.common.Sql;

/** The volunteer queries that need SQL of their own. */
@ApplicationScoped
public class VolunteerStore {
    @Inject
    Sql sql;

    /**
     * The ids of the volunteers whose name starts with {@code prefix}, in (name, id) byte order,
     * after volunteer {@code after} (a page's cursor; null for the first page), living in a
     * community under one of {@code regions} (null: anywhere).
     *
     * <p>Each community in scope gives at most {@code limit} ids from its own range of
     * {@code volunteer_home_name} (V11_4), read in index order, and the best of those are kept: the
     * work is bounded by communities times the page size, however common the prefix is (张 is the
     * surname of one resident in fourteen). A city of 1.86 million volunteers in 1,430 communities
     * answers an admin's "张" in about 25 ms, a district's staff in 2 ms (README "Volunteers:
     * personal data, finding and moving").
     */
    public List<Long> idsByNamePrefix(String prefix, Set<Long> regions, Long after, int limit) {
        List<Object> args = new ArrayList<>();
        args.add(prefix);
        args.add(prefixEnd(prefix));
        args.add(likePrefix(prefix));
        if (after != null) {
            args.add(after);
            args.add(after);
        }
        if (regions != null) {
            args.add(regions.toArray(Long[]::new));
        }
        return sql.list(namePrefixSql(regions != null, after != null, limit), r -> r.getLong(1), args.toArray());
    }

    /** The volunteers with these phone hashes, by their hash in hex; hashes not registered are absent. */
    public Map<String, Long> idsByPhoneHash(byte[][] hashes) {
        Map<String, Long> ids = new HashMap<>();
        for (Map.Entry<String, Long> found : sql.list("select id, phone_hash from volunteer where phone_hash = any (?)",
                r -> Map.entry(HexFormat.of().formatHex(r.getBytes(2)), r.getLong(1)),
                new Sql.Typed(hashes, Types.ARRAY, "bytea"))) {
            ids.put(found.getKey(), found.getValue());
        }
        return ids;
    }

    /**
     * Parameters: the prefix, {@link #prefixEnd}, the LIKE pattern, the cursor's id twice (if paged),
     * the regions (if scoped); the limit is in the text (Sql: a generic plan cannot see a bound one). The range of names is spelled out as well as the
     * pattern: the service's statements keep a generic plan (application.properties), and a generic
     * plan cannot turn {@code like ?} into an index range, only a range of parameters.
     */
    static String namePrefixSql(boolean scoped, boolean paged, int limit) {
        return "select x.id from region r cross join lateral ("
                + "select v.id, v.name from volunteer v"
                + " where v.home_community_id = r.id and v.name collate \"C\" >= ? and v.name collate \"C\" < ?"
                + " and v.name collate \"C\" like ? escape '\\'"
                + (paged ? " and (v.name collate \"C\", v.id)"
                        + " > ((select w.name from volunteer w where w.id = ?) collate \"C\", ?)" : "")
                + " order by v.name collate \"C\", v.id limit " + limit + ") x"
                + " where r.level = 'COMMUNITY'" + (scoped ? " and r.path && ?" : "")
                + " order by x.name collate \"C\", x.id limit " + limit;
    }

    /**
     * Above every name that starts with {@code prefix}, in the "C" collation (byte order of UTF-8):
     * the prefix followed by U+10FFFF, the highest code point (a noncharacter no name contains).
     */
    static String prefixEnd(String prefix) {
        return prefix + "\uDBFF\uDFFF";
    }

    /** The LIKE pattern of names starting with {@code prefix}, its wildcards taken literally. */
    static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
