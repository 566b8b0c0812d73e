package de.auseinerhand.servicekit.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ClockProvider;
import java.time.Clock;

/**
 * Bean Validation's notion of "now" ({@code @PastOrPresent}, {@code @Future}, ...) is the service's one clock, not the
 * JVM's: a service running on a configured business date ({@code aeh.clock.today}: tests with {@code -Daeh.test.today},
 * a training system) otherwise refused a case opened "today" as lying in the future (found with
 * {@code -Daeh.test.today=2028-02-29}, ReadOnlyDatabaseTest). Quarkus hands a bean of this type to Hibernate Validator.
 */
@ApplicationScoped
public class BusinessClockProvider implements ClockProvider {

    @Inject
    Clock clock;

    @Override
    public Clock getClock() {
        return clock;
    }
}
