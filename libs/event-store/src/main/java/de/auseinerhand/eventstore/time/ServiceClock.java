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
 * set it through {@code AEH_CLOCK_TODAY}. Production leaves it empty.
 */
@ApplicationScoped
public class ServiceClock {

    private static final Logger LOG = Logger.getLogger(ServiceClock.class);

    @ConfigProperty(name = "aeh.clock.today")
    Optional<LocalDate> today;

    @Produces
    @Singleton
    Clock clock() {
        today.ifPresent(d -> LOG.warnf("Business clock starts on %s (aeh.clock.today), not on the real date", d));
        return BusinessClock.of(today.orElse(null));
    }
}
