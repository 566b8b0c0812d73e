package de.auseinerhand.servicekit.security;

import de.auseinerhand.servicekit.problem.Problem;
import de.auseinerhand.servicekit.problem.ProblemTypes;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rate limits on the public side of the APIs (issue 15 §3): per citizen ({@code aeh.rate-limit.citizen-per-minute}) and per
 * portal client ({@code aeh.rate-limit.client-per-minute}, counting the portal's own calls and those it makes for all its
 * citizens; {@code aeh.rate-limit.client-overrides} = {@code client:limit,…} for single portals). Staff and district
 * roles are not limited here (they are few and known; their limits are the roles). A request over the limit is answered
 * with 429, {@code Retry-After} (whole seconds until the next request is allowed) and problem+json.
 * <p>
 * One token bucket per key: it holds a minute's allowance, refills evenly, and each request takes one token. The buckets
 * live in this instance's memory: with N replicas behind a balancer a caller can get up to N times the limit, which is
 * acceptable for what the limit is for (a runaway or hostile portal, a guessing citizen); a shared limit would belong in
 * the gateway. Time comes from the service clock. Idle buckets are dropped, so the map stays as small as the set of
 * callers of the last minutes.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 10)
public class RateLimits implements ContainerRequestFilter {

    /** Buckets idle this long are full again and can go. */
    static final long IDLE_MILLIS = 10 * 60_000L;

    @ConfigProperty(name = "aeh.rate-limit.citizen-per-minute", defaultValue = "120")
    int citizenPerMinute;

    @ConfigProperty(name = "aeh.rate-limit.client-per-minute", defaultValue = "6000")
    int clientPerMinute;

    @ConfigProperty(name = "aeh.rate-limit.client-overrides", defaultValue = "none")
    List<String> clientOverrides;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry metrics;

    private static final Map<String, Bucket> BUCKETS = new ConcurrentHashMap<>();
    private static volatile long lastSweep;
    private volatile Map<String, Integer> overrides;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() == null || caller.isStaff() || caller.isDistrictWide()) {
            return;
        }
        long now = clock.millis();
        sweep(now);
        long waitMillis = 0;
        String limited = null;
        if (caller.isCitizen()) {
            waitMillis = take("citizen:" + caller.citizenId(), citizenPerMinute, now);
            limited = waitMillis > 0 ? "citizen" : null;
        }
        if (waitMillis == 0 && (caller.isCitizen() || caller.hasRole(Roles.PORTAL))) {
            String client = caller.portalClient();
            waitMillis = take("client:" + client, overrides().getOrDefault(client, clientPerMinute), now);
            limited = waitMillis > 0 ? "client" : null;
        }
        if (limited != null) {
            metrics.counter("aeh_rate_limited", "limit", limited).increment();
            long seconds = Math.max(1, (waitMillis + 999) / 1000);
            request.abortWith(Response.status(429).header("Retry-After", String.valueOf(seconds))
                    .type(MediaType.valueOf(Problem.MEDIA_TYPE))
                    .entity(Problem.of(ProblemTypes.HTTP, "Too Many Requests", 429, "the " + limited
                            + " rate limit is reached; retry after " + seconds + " s")).build());
        }
    }

    /** Takes a token from the key's bucket: 0 when there was one, otherwise the milliseconds until there is one. */
    static long take(String key, int perMinute, long now) {
        if (perMinute <= 0) {
            return 0;
        }
        return BUCKETS.computeIfAbsent(key, k -> new Bucket(perMinute, now)).take(perMinute, now);
    }

    private Map<String, Integer> overrides() {
        Map<String, Integer> o = overrides;
        if (o == null) {
            o = new HashMap<>();
            for (String entry : clientOverrides) {
                int colon = entry.lastIndexOf(':');
                if (colon > 0) {
                    o.put(entry.substring(0, colon).trim(), Integer.parseInt(entry.substring(colon + 1).trim()));
                }
            }
            overrides = o;
        }
        return o;
    }

    private static void sweep(long now) {
        if (now - lastSweep < 60_000L) {
            return;
        }
        lastSweep = now;
        BUCKETS.entrySet().removeIf(e -> e.getValue().idleSince(now) > IDLE_MILLIS);
    }

    /** A token bucket holding one minute's allowance. */
    static final class Bucket {
        private double tokens;
        private long last;

        Bucket(int perMinute, long now) {
            this.tokens = perMinute;
            this.last = now;
        }

        synchronized long take(int perMinute, long now) {
            double perMilli = perMinute / 60_000.0;
            tokens = Math.min(perMinute, tokens + Math.max(0, now - last) * perMilli);
            last = Math.max(last, now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perMilli);
        }

        synchronized long idleSince(long now) {
            return now - last;
        }
    }
}
