package de.auseinerhand.eventstore.time;

import de.auseinerhand.events.BusinessClock;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * How far this replica's clock is from the database's (fault F22, a node whose clock is off). Nothing that must be right
 * depends on the replicas agreeing on the time: order is the stream version and the global position, lag gauges are
 * never negative, token lifetimes (15 min) are far longer than a tolerable skew. A skewed node still records wrong
 * instants ({@code recorded_at}) and may see a different business day around midnight, so the skew is published as the
 * gauge {@code aeh_clock_skew_seconds} (alert above {@code aeh.clock.max-skew}) and in the readiness data, and logged.
 * It does not make the replica not-ready: a skewed database clock would otherwise take every replica out of service.
 * <p>
 * Measured against the real clock ({@link BusinessClock#system()}), not the business clock: a training system that
 * starts on another day ({@code aeh.clock.today}) is not skewed.
 */
@Readiness
@ApplicationScoped
public class ClockSkewHealth implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(ClockSkewHealth.class);

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "aeh.clock.max-skew", defaultValue = "30s")
    Duration maxSkew;

    private final Clock real = BusinessClock.system();
    private final AtomicLong lastSkewMillis = new AtomicLong();
    private volatile boolean warned;

    void registerGauge(@Observes io.quarkus.runtime.StartupEvent ev, MeterRegistry meters) {
        Gauge.builder("aeh.clock.skew.seconds", lastSkewMillis, v -> v.get() / 1000.0)
                .description("This replica's clock minus the database's, as of the last readiness check").register(meters);
    }

    /** This replica's clock minus the database's: the middle of the round trip against the database's clock_timestamp(). */
    static Duration skew(Instant sent, Instant database, Instant received) {
        Instant middle = sent.plus(Duration.between(sent, received).dividedBy(2));
        return Duration.between(database, middle);
    }

    @Override
    public HealthCheckResponse call() {
        var b = HealthCheckResponse.named("clock skew").up();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("select clock_timestamp()")) {
            Instant sent = real.instant();
            Instant database;
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                database = rs.getTimestamp(1).toInstant();
            }
            Duration skew = skew(sent, database, real.instant());
            lastSkewMillis.set(skew.toMillis());
            boolean tooFar = skew.abs().compareTo(maxSkew) > 0;
            if (tooFar && !warned) {
                LOG.warnf("this replica's clock is %d s off the database's (more than %d s): recorded instants are off by as much",
                        skew.toSeconds(), maxSkew.toSeconds());
            }
            warned = tooFar;
            return b.withData("skewMillis", skew.toMillis()).withData("withinMaxSkew", !tooFar).build();
        } catch (SQLException | RuntimeException e) {
            // the database's own checks report an outage; the skew is just unknown then
            return b.withData("skewMillis", "unknown").build();
        }
    }
}
