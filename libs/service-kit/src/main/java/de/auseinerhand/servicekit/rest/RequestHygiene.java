package de.auseinerhand.servicekit.rest;

import de.auseinerhand.servicekit.problem.ProblemTypes;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Requests refused before routing, each with a problem+json body (issue 15 §2): a request line longer than
 * {@code aeh.http.max-uri-length} (414), headers larger than {@code aeh.http.max-header-bytes} (431), a NUL character in
 * the path or query ({@code %00}, 400: PostgreSQL cannot store it, and no identifier or filter holds one), and a
 * bearer token that is refused (401, from the proactive authentication, which otherwise answers with an empty body).
 * The HTTP layer's own limits ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set
 * well above these, so that it is this class that answers; a request beyond even those gets the bare answer of the
 * HTTP layer and the connection is closed.
 */
@ApplicationScoped
public class RequestHygiene {

    @ConfigProperty(name = "aeh.http.max-uri-length", defaultValue = "4096")
    int maxUri;

    @ConfigProperty(name = "aeh.http.max-header-bytes", defaultValue = "16384")
    int maxHeaderBytes;

    void install(@Observes Router router) {
        router.route().order(-1100).handler(this::check);
        router.route().order(-1100).failureHandler(ctx -> {
            Throwable failure = ctx.failure();
            if ((failure instanceof AuthenticationFailedException || failure instanceof io.quarkus.security.UnauthorizedException)
                    && !ctx.response().headWritten()) {
                problem(ctx, 401, ProblemTypes.UNAUTHORIZED, "Unauthorized", "a valid bearer token of this realm is required",
                        Map.of("WWW-Authenticate", "Bearer"));
            } else if (failure instanceof io.quarkus.security.ForbiddenException && !ctx.response().headWritten()) {
                problem(ctx, 403, ProblemTypes.FORBIDDEN, "Forbidden", "the token's roles do not allow this operation", Map.of());
            } else {
                ctx.next();
            }
        });
    }

    /**
     * The HTTP metrics' {@code uri} tag of a request that no resource method took (answered here before routing, refused by
     * the authentication, a 405): one series, not one per raw path (issue 15 §3: raw paths name cases and grow without
     * limit). Quarkus REST replaces it with the path template ({@code /api/v1/cases/{caseId}}) once a method is matched;
     * Micrometer shows it as {@code /UNMATCHED}. Routes outside Quarkus REST (OpenAPI, the dashboard's files) count there too.
     */
    static final String UNMATCHED = "UNMATCHED";

    private void check(RoutingContext ctx) {
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        if (context != null) {
            // the key under which Quarkus REST publishes the matched template and Quarkus Micrometer reads it
            context.putLocal("UrlPathTemplate", UNMATCHED);
        }
        String uri = ctx.request().uri();
        if (uri.length() > maxUri) {
            problem(ctx, 414, ProblemTypes.HTTP, "URI Too Long", "the request line is longer than " + maxUri + " characters", Map.of());
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> h : ctx.request().headers()) {
            headerBytes += h.getKey().length() + h.getValue().length() + 4;
        }
        if (headerBytes > maxHeaderBytes) {
            problem(ctx, 431, ProblemTypes.HTTP, "Request Header Fields Too Large", "the request headers have " + headerBytes
                    + " bytes; at most " + maxHeaderBytes + " are accepted", Map.of());
            return;
        }
        if (containsNul(uri)) {
            problem(ctx, 400, ProblemTypes.VALIDATION, "Validation failed", "the request path or query contains a NUL character (%00)",
                    Map.of());
            return;
        }
        ctx.next();
    }

    static boolean containsNul(String uri) {
        for (int i = uri.indexOf('%'); i >= 0 && i + 2 < uri.length(); i = uri.indexOf('%', i + 1)) {
            if (uri.charAt(i + 1) == '0' && uri.charAt(i + 2) == '0') {
                return true;
            }
        }
        return uri.indexOf('\u0000') >= 0;
    }

    private static void problem(RoutingContext ctx, int status, String type, String title, String detail, Map<String, String> headers) {
        JsonObject problem = new JsonObject().put("type", type).put("title", title).put("status", status).put("detail", detail);
        var response = ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json");
        headers.forEach(response::putHeader);
        response.end(problem.encode());
    }
}
