package de.auseinerhand.servicekit.rest;

import de.auseinerhand.servicekit.problem.ProblemTypes;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Request-size limits with a problem+json answer. A household, a command or a query is a few kilobytes:
 * a JSON body declared larger than {@code aeh.http.max-json-body} (default 64 KiB) is refused with 413
 * before it is read; the paths in {@code aeh.http.large-body-paths} (file imports) may send up to
 * {@code quarkus.http.limits.max-body-size}. A body that grows past that hard limit while it streams in
 * (no or a false Content-Length) is cut off by the HTTP layer, whose bare 413 this class answers as
 * problem+json too.
 */
@ApplicationScoped
public class RequestSizeLimit {

    @ConfigProperty(name = "aeh.http.max-json-body", defaultValue = "65536")
    long maxJsonBody;

    @ConfigProperty(name = "aeh.http.large-body-paths", defaultValue = "/api/v1/comparisons/imports")
    List<String> largeBodyPaths;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    String hardLimit;

    void install(@Observes Router router) {
        router.route().order(-1000).handler(this::check);
        router.route().order(-1000).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
                tooLarge(ctx, "the request body is larger than the service accepts (" + hardLimit + ")");
            } else {
                ctx.next();
            }
        });
    }

    private void check(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && !largeBodyPaths.contains(ctx.normalizedPath())) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared > maxJsonBody) {
                tooLarge(ctx, "the request body has " + declared + " bytes; this endpoint accepts at most " + maxJsonBody);
                return;
            }
        }
        ctx.next();
    }

    private static void tooLarge(RoutingContext ctx, String detail) {
        JsonObject problem = new JsonObject().put("type", ProblemTypes.TOO_LARGE).put("title", "Request too large").put("status", 413)
                .put("detail", detail);
        ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.CONNECTION, "close").end(problem.encode());
    }
}
