package de.auseinerhand.servicekit.security;

/** Realm roles of the Keycloak realm {@code aus-einer-hand}. */
public final class Roles {
    public static final String CASEWORKER = "caseworker";
    public static final String TEAM_LEAD = "team-lead";
    public static final String DISTRICT_ANALYST = "district-analyst";
    public static final String DISTRICT_ADMIN = "district-admin";
    /** A third-party portal's own client: alone it reaches only what needs no personal data (estimator, rule sets). */
    public static final String PORTAL = "portal";
    /**
     * A citizen, reaching the APIs only through a registered portal that acts for them (the token's {@code azp} is the
     * portal, its subject the citizen; issue 15 §1), and only the cases linked to their account.
     */
    public static final String CITIZEN = "citizen";

    private Roles() {
    }
}
