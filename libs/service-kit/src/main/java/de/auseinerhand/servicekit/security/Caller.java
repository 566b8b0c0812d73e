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

    /** The longest token subject taken as it is (Keycloak's are UUIDs); longer ones are cut for the actor id. */
    static final int MAX_SUBJECT = 100;

    /**
     * Pseudonymous actor id for audit and idempotency: the token subject, never a name; {@code citizen:<sub>} for a
     * citizen (the portal acting for them is {@link #via()}), {@code client:<sub>} for a portal's own client.
     */
    public String actorId() {
        String sub = subject();
        if (isCitizen()) {
            return "citizen:" + sub;
        }
        return (hasRole(Roles.PORTAL) ? "client:" : "user:") + sub;
    }

    /** The actor as events name it: a citizen's actions carry the portal too ({@code citizen:<sub>@portal:<client>}). */
    public String eventActor() {
        String via = via();
        return via == null ? actorId() : actorId() + "@" + via;
    }

    /** For a citizen's request the portal that acts for them ({@code portal:<client id>}); null for everyone else. */
    public String via() {
        return isCitizen() ? "portal:" + portalClient() : null;
    }

    /**
     * A citizen acting through a portal: the realm role {@code citizen} and no staff role (a staff member is never
     * treated as a citizen, whatever else the token says).
     */
    public boolean isCitizen() {
        return hasRole(Roles.CITIZEN) && !isStaff() && !isDistrictWide();
    }

    /** Staff of a municipal job center (case worker, team lead) or the district administration. */
    public boolean isStaff() {
        return hasRole(Roles.CASEWORKER) || hasRole(Roles.TEAM_LEAD) || hasRole(Roles.DISTRICT_ADMIN);
    }

    /** The citizen's account id (token subject) for case links; only meaningful when {@link #isCitizen()}. */
    public String citizenId() {
        return subject();
    }

    /** The client the token was issued to ({@code azp}): for a citizen, the portal acting for them. */
    public String portalClient() {
        Object azp = token == null ? null : token.getClaim("azp");
        String s = azp == null ? "" : unquote(azp.toString());
        return s.length() > MAX_SUBJECT ? s.substring(0, MAX_SUBJECT) : s;
    }

    private String subject() {
        String sub = token == null ? null : token.getSubject();
        if (sub == null || sub.isBlank()) {
            sub = identity.getPrincipal() == null ? "anonymous" : identity.getPrincipal().getName();
        }
        return sub.length() > MAX_SUBJECT ? sub.substring(0, MAX_SUBJECT) : sub;
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

    /**
     * Whether the caller may reach cases of the municipality. Never for a citizen: their access is by the cases linked
     * to their account, not by a municipality (a {@code municipalities} claim in a citizen's token is ignored).
     */
    public boolean mayAccess(String municipality) {
        return municipality != null && !isCitizen() && (isDistrictWide() || municipalities().contains(municipality));
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
