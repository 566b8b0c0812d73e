package de.auseinerhand.reporting.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where the analyst dashboard (/dashboard/) logs in: the same OIDC issuer the API trusts, public client aeh-dashboard. */
@Path("/api/v1/dashboard-config")
@PermitAll
@Tag(name = "Dashboard")
public class DashboardConfigResource {

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String issuer;

    @ConfigProperty(name = "aeh.reporting.dashboard.client-id", defaultValue = "aeh-dashboard")
    String clientId;

    @jakarta.inject.Inject
    java.time.Clock clock;

    /**
     * {@code today}: the service's day in Europe/Berlin (the day "asOf" means; the browser's own date is UTC or its
     * zone and would show yesterday's knowledge between midnight in Berlin and midnight UTC).
     */
    public record Config(String issuer, String clientId, java.time.LocalDate today) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "OIDC settings of the analyst dashboard (no secrets: a public client with PKCE)")
    public Config config() {
        return new Config(issuer.replaceAll("/+$", ""), clientId,
                java.time.LocalDate.now(clock.withZone(de.auseinerhand.reporting.indicators.IndicatorService.ZONE)));
    }
}
