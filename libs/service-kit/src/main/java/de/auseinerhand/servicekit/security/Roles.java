package de.auseinerhand.servicekit.security;

/** Realm roles of the Keycloak realm {@code aus-einer-hand}. */
public final class Roles {
    public static final String CASEWORKER = "caseworker";
    public static final String TEAM_LEAD = "team-lead";
    public static final String DISTRICT_ANALYST = "district-analyst";
    public static final String DISTRICT_ADMIN = "district-admin";
    public static final String PORTAL = "portal";

    private Roles() {
    }
}
