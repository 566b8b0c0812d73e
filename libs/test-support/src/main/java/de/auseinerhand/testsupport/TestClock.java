package de.auseinerhand.testsupport;

import de.auseinerhand.events.BusinessClock;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The tests' view of time: the same clock the services under test run on. {@code -Daeh.test.today=YYYY-MM-DD}
 * (Maven passes it to the test JVM) makes that day "today" for the tests and, through
 * {@code %test.aeh.clock.today}, for the services; without it, the real date. Tests derive every date that
 * the services compare with today from here, so the suite passes on any day.
 */
public final class TestClock {

    /** The system property that moves the suite's "today". */
    public static final String PROPERTY = "aeh.test.today";

    private static final Clock CLOCK = BusinessClock.of(configured());

    private TestClock() {
    }

    private static LocalDate configured() {
        String value = System.getProperty(PROPERTY, "").trim();
        return value.isEmpty() ? null : LocalDate.parse(value);
    }

    public static Clock clock() {
        return CLOCK;
    }

    public static LocalDate today() {
        return LocalDate.now(CLOCK);
    }

    public static YearMonth thisMonth() {
        return YearMonth.now(CLOCK);
    }

    public static Instant now() {
        return Instant.now(CLOCK);
    }
}
