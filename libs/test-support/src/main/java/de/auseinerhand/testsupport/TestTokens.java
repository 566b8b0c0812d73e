package de.auseinerhand.testsupport;

import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bearer tokens shaped like the ones of the realm {@code aus-einer-hand} (realm roles in
 * {@code realm_access.roles}, the {@code municipalities} claim), RS256-signed with the key whose public
 * half the OIDC test server ({@code OidcWiremockTestResource}) publishes as its JWKS. The service
 * validates them exactly as it validates Keycloak's.
 */
public final class TestTokens {

    public static final String ISSUER = "https://server.example.com";

    private TestTokens() {
    }

    public static String token(String subject, Set<String> roles, List<String> municipalities) {
        return token(subject, roles, municipalities, "Bearer");
    }

    /** A token of the kind {@code typ} says: Keycloak's access tokens are "Bearer", its ID tokens "ID". */
    public static String token(String subject, Set<String> roles, List<String> municipalities, String typ) {
        return token(subject, roles, municipalities, typ, AUDIENCE, "aeh-cli");
    }

    /** The audience every service requires ({@code quarkus.oidc.token.audience}), as Keycloak's audience mapper sets it. */
    public static final String AUDIENCE = "aeh-api";

    /** A portal client of the test profile ({@code %test.aeh.portal.clients}). */
    public static final String PORTAL_CLIENT = "portal-test";

    /** A token with every part chosen: {@code aud} and {@code azp} (the client it was issued to) included. */
    public static String token(String subject, Set<String> roles, List<String> municipalities, String typ, String audience,
            String authorizedParty) {
        return Jwt.issuer(ISSUER)
                .claim("typ", typ)
                .claim("azp", authorizedParty)
                .subject(subject)
                .preferredUserName(subject)
                .audience(audience)
                .claim("realm_access", Map.of("roles", List.copyOf(roles)))
                .claim("municipalities", municipalities)
                .expiresIn(Duration.ofHours(1))
                .jws().keyId("1")
                .sign();
    }

    public static String caseworker(String subject, String... municipalities) {
        return token(subject, Set.of("caseworker"), List.of(municipalities));
    }

    public static String analyst() {
        return token("analyst-1", Set.of("district-analyst"), List.of());
    }

    public static String admin() {
        return token("admin-1", Set.of("district-admin"), List.of());
    }

    public static String portal(String clientId, String... municipalities) {
        return token("service-account-" + clientId, Set.of("portal"), List.of(municipalities), "Bearer", AUDIENCE, clientId);
    }

    /**
     * A citizen's token as a portal's token exchange yields it: subject the citizen's account, {@code azp} the portal
     * ({@link #PORTAL_CLIENT}), role {@code citizen}, no municipalities.
     */
    public static String citizen(String citizenId) {
        return citizen(citizenId, PORTAL_CLIENT);
    }

    /** A citizen's token issued to {@code client} (a portal, or for a refusal test another client). */
    public static String citizen(String citizenId, String client) {
        return token(citizenId, Set.of("citizen"), List.of(), "Bearer", AUDIENCE, client);
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
