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
        return Jwt.issuer(ISSUER)
                .claim("typ", typ)
                .subject(subject)
                .preferredUserName(subject)
                .audience("https://service.example.com")
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
        return token("service-account-" + clientId, Set.of("portal"), List.of(municipalities));
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
