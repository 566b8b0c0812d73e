package de.auseinerhand.eventstore.time;

import de.auseinerhand.events.BusinessClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one clock of a service: every business date ("today", the current month) and every recorded
 * instant comes from the {@link Clock} bean produced here, never from the wall clock directly.
 *
 * <p>{@code aeh.clock.today} (a date, empty by default) starts the clock on that day and lets it run on
 * ({@link BusinessClock#startingOn}). Tests set it from {@code -Daeh.test.today}; a training system may
 * set it through {@code AEH_CLOCK_TODAY}. {@code aeh.clock.shift} ({@code AEH_CLOCK_SHIFT}, a duration) moves it on by hours or
 * minutes as well, to rehearse midnight or a month's end. Production leaves both empty.
 */
@ApplicationScoped
public class ServiceClock {

    private static final Logger LOG = Logger.getLogger(ServiceClock.class);

    @ConfigProperty(name = "aeh.clock.today")
    Optional<LocalDate> today;

    /** Moves the clock by this much (an ISO-8601 duration, e.g. {@code -PT1H30M}; empty: not moved), see {@link BusinessClock#of(LocalDate, java.time.Duration)}. */
    @ConfigProperty(name = "aeh.clock.shift")
    Optional<java.time.Duration> shift;

    @Produces
    @Singleton
    Clock clock() {
        today.ifPresent(d -> LOG.warnf("Business clock starts on %s (aeh.clock.today), not on the real date", d));
        shift.ifPresent(d -> LOG.warnf("Business clock shifted by %s (aeh.clock.shift), not on the real time", d));
        return BusinessClock.of(today.orElse(null), shift.orElse(null));
    }
}
