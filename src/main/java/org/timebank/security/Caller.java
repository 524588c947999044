package org.timebank.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.timebank.common.ApiException;

/**
 * Who is calling, from the verified JWT: {@code sub}, {@code groups}, {@code regions} (staff: the
 * region ids they serve, each covering its whole subtree) and {@code shop}.
 *
 * <p>{@code admin} is the programme's platform administrator and is not limited by regions;
 * street and district administrators are staff whose {@code regions} name their street or district.
 */
@RequestScoped
public class Caller {
    @Inject
    JsonWebToken jwt;

    private Set<Long> regions;

    public String subject() {
        String sub = jwt.getSubject();
        if (sub == null || sub.isBlank()) {
            throw new ApiException(401, "UNAUTHENTICATED");
        }
        return sub;
    }

    public boolean is(String role) {
        return jwt.getGroups() != null && jwt.getGroups().contains(role);
    }

    public boolean isAdmin() {
        return is(Roles.ADMIN);
    }

    /** The volunteer id of a caller in the volunteer group, if its subject is one. */
    public Long volunteerId() {
        if (!is(Roles.VOLUNTEER)) {
            return null;
        }
        try {
            return Long.valueOf(subject());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The shop a caller in the shop group operates (the {@code shop} claim), if it names one. */
    public Long shopId() {
        if (!is(Roles.SHOP)) {
            return null;
        }
        // a number or a numeric string, read like the region ids
        Set<Long> ids = parseRegions(jwt.getClaim("shop"));
        return ids.size() == 1 ? ids.iterator().next() : null;
    }

    /** True when the caller operates this shop. */
    public boolean operates(long shopId) {
        Long mine = shopId();
        return mine != null && mine == shopId;
    }

    public Set<Long> regions() {
        if (regions == null) {
            regions = parseRegions(jwt.getClaim("regions"));
        }
        return regions;
    }

    /** True when the caller is admin, or staff serving one of the ancestors (or the region) on this path. */
    public boolean covers(List<Long> regionPath) {
        if (isAdmin()) {
            return true;
        }
        if (!is(Roles.STAFF)) {
            return false;
        }
        Set<Long> mine = regions();
        for (Long id : regionPath) {
            if (mine.contains(id)) {
                return true;
            }
        }
        return false;
    }

    static Set<Long> parseRegions(Object claim) {
        Set<Long> ids = new HashSet<>();
        if (claim instanceof JsonArray array) {
            for (JsonValue v : array) {
                add(ids, v);
            }
        } else if (claim instanceof Collection<?> c) {
            for (Object v : c) {
                add(ids, v);
            }
        } else if (claim != null) {
            add(ids, claim);
        }
        return Set.copyOf(ids);
    }

    private static void add(Set<Long> ids, Object v) {
        try {
            if (v instanceof JsonNumber n) {
                ids.add(n.longValueExact());
            } else if (v instanceof JsonString s) {
                ids.add(Long.valueOf(s.getString()));
            } else if (v instanceof Number n) {
                ids.add(n.longValue());
            } else if (v != null) {
                ids.add(Long.valueOf(v.toString().replace("\"", "")));
            }
        } catch (NumberFormatException | ArithmeticException ignored) {
            // a region id this service never issued covers nothing
        }
    }
}
