package de.auseinerhand.servicekit.rest;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Response headers every answer carries (issue 15 §3): {@code X-Content-Type-Options: nosniff} and
 * {@code Referrer-Policy: no-referrer} everywhere; {@code Cache-Control: no-store} on the API (its answers hold personal
 * data or figures as of a moment: no proxy or browser cache keeps them); and on pages (the analyst dashboard) a strict
 * Content-Security-Policy: scripts, styles and data from this service only, no inline script, the token requests to
 * the OIDC issuer only, and no framing.
 */
@ApplicationScoped
public class SecurityHeaders {

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    Optional<String> issuer;

    void install(@Observes Router router) {
        router.route().order(-1200).handler(this::add);
    }

    private void add(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        ctx.addHeadersEndHandler(v -> {
            MultiMap h = ctx.response().headers();
            h.set("X-Content-Type-Options", "nosniff");
            h.set("Referrer-Policy", "no-referrer");
            if (path.startsWith("/api/")) {
                if (!h.contains("Cache-Control")) {
                    h.set("Cache-Control", "no-store");
                }
            } else if (!path.startsWith("/q/")) {
                h.set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'"
                        + issuerOrigin() + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
                h.set("X-Frame-Options", "DENY");
            }
        });
        ctx.next();
    }

    private String issuerOrigin() {
        try {
            URI u = URI.create(issuer.orElse(""));
            return u.getScheme() == null || u.getHost() == null ? "" : " " + u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
