package de.auseinerhand.servicekit.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling and which municipalities they may see, from the bearer token. The one place where
 * municipality scoping is decided: services ask {@link #mayAccess} in their query and command path and
 * answer 404 otherwise, exactly as for a case that does not exist.
 */
@RequestScoped
public class Caller {

    public static final String MUNICIPALITIES_CLAIM = "municipalities";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    /** Pseudonymous actor id for events and audit: the token subject, never a name. */
    public String actorId() {
        String sub = token == null ? null : token.getSubject();
        if (sub == null || sub.isBlank()) {
            sub = identity.getPrincipal() == null ? "anonymous" : identity.getPrincipal().getName();
        }
        return (hasRole(Roles.PORTAL) ? "client:" : "user:") + sub;
    }

    public java.util.Set<String> roles() {
        return new java.util.TreeSet<>(identity.getRoles());
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** District roles see every municipality of the district. */
    public boolean isDistrictWide() {
        return hasRole(Roles.DISTRICT_ADMIN) || hasRole(Roles.DISTRICT_ANALYST);
    }

    public Set<String> municipalities() {
        Set<String> result = new LinkedHashSet<>();
        Object claim = token == null ? null : token.getClaim(MUNICIPALITIES_CLAIM);
        if (claim instanceof Collection<?> values) {
            values.forEach(v -> result.add(unquote(String.valueOf(v))));
        } else if (claim instanceof jakarta.json.JsonArray array) {
            array.forEach(v -> result.add(unquote(v.toString())));
        } else if (claim != null) {
            for (String s : unquote(claim.toString()).split("[,\\s]+")) {
                if (!s.isBlank()) {
                    result.add(s);
                }
            }
        }
        return result;
    }

    public boolean mayAccess(String municipality) {
        return municipality != null && (isDistrictWide() || municipalities().contains(municipality));
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
