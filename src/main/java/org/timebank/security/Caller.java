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
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.timebank.common.ApiException;
import org.timebank.common.CallerIdentity;
import org.timebank.common.Roles;

/**
 * Who is calling, from the verified JWT: {@code sub}, {@code groups}, {@code regions} (staff: the
 * region ids they serve, each covering its whole subtree) and {@code shop}.
 *
 * <p>{@code admin} is the programme's platform administrator and is not limited by regions;
 * street and district administrators are staff whose {@code regions} name their street or district.
 */
@RequestScoped
public class Caller implements CallerIdentity {
    @Inject
    JsonWebToken jwt;

    // a volunteer id as this service writes it: positive, decimal, no sign, blanks or leading zeros
    private static final Pattern VOLUNTEER_ID = Pattern.compile("[1-9][0-9]{0,18}");
    // what a person or a program could take for a number
    private static final Pattern NUMBER_LIKE = Pattern.compile("[+-]?[0-9]+");

    private Set<Long> regions;
    private String subject;

    /**
     * The caller's identity, read once: the token's {@code sub} if it names exactly one identity.
     * A subject that could be read as two ({@code " 2"}, {@code "02"} and {@code "+2"} all look like
     * volunteer 2 to a person but not to a string comparison) is refused as a token this service
     * cannot trust, rather than compared as text.
     */
    public String subject() {
        if (subject == null) {
            subject = canonical(jwt.getSubject());
        }
        return subject;
    }

    static String canonical(String sub) {
        if (sub == null || sub.isBlank()) {
            throw new ApiException(401, "UNAUTHENTICATED");
        }
        if (!sub.equals(sub.strip()) || sub.chars().anyMatch(Character::isISOControl)) {
            throw new ApiException(401, "INVALID_TOKEN_SUBJECT");
        }
        if (NUMBER_LIKE.matcher(sub).matches() && idOf(sub) == null) {
            throw new ApiException(401, "INVALID_TOKEN_SUBJECT");
        }
        return sub;
    }

    /** The volunteer id a subject names, if it is one (a canonical positive decimal that fits a long). */
    static Long idOf(String sub) {
        if (!VOLUNTEER_ID.matcher(sub).matches()) {
            return null;
        }
        try {
            return Long.valueOf(sub);
        } catch (NumberFormatException overflow) {
            return null;
        }
    }

    /**
     * True when the caller is this volunteer, whatever role it calls in: the rule that nobody decides
     * or records their own hours compares the person, so staff who volunteer are compared by their id.
     */
    public boolean isVolunteer(long volunteerId) {
        Long mine = idOf(subject());
        return mine != null && mine == volunteerId;
    }

    public boolean is(String role) {
        return jwt.getGroups() != null && jwt.getGroups().contains(role);
    }

    public boolean isAdmin() {
        return is(Roles.ADMIN);
    }

    /** The volunteer id of a caller in the volunteer group, if its subject is one. */
    public Long volunteerId() {
        return is(Roles.VOLUNTEER) ? idOf(subject()) : null;
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
