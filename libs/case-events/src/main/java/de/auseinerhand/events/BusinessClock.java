package de.auseinerhand.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The time every service and tool of Aus einer Hand runs on. Business dates (receipt of an application,
 * the month of a figure, "today" of a due list) are dates in {@link #ZONE}. Normally this is the system
 * clock; for tests and training systems it can start on another day and run on from there
 * ({@link #startingOn}): only the day moves, the time of day stays the real one, so timeouts, token
 * lifetimes and Kafka's own timing are untouched.
 */
public final class BusinessClock {

    /** The zone of business dates: a job center in Germany. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private BusinessClock() {
    }

    /** The real clock in {@link #ZONE}. */
    public static Clock system() {
        return Clock.system(ZONE);
    }

    /**
     * A clock on which it is {@code today} now (in {@link #ZONE}) and that runs on at the real pace. The
     * shift is a whole number of calendar days from the real date, so two processes started on the same
     * {@code today} agree on every instant.
     */
    public static Clock startingOn(LocalDate today) {
        Clock system = system();
        Instant now = system.instant();
        ZonedDateTime real = now.atZone(ZONE);
        ZonedDateTime shifted = today.atTime(real.toLocalTime()).atZone(ZONE);
        return Clock.offset(system, Duration.between(real, shifted));
    }

    /** {@link #startingOn} when {@code today} is given, else {@link #system}. */
    public static Clock of(LocalDate today) {
        return today == null ? system() : startingOn(today);
    }

    /**
     * {@link #of(LocalDate)} moved on by {@code shift} (null or zero: not moved). A shift of hours lets a training system or a
     * rehearsal live through midnight, a month's end or a change of law at a chosen moment; processes given the same
     * {@code today} and {@code shift} agree on every instant. Only business time moves: token lifetimes and Kafka's
     * timing read the real clock.
     */
    public static Clock of(LocalDate today, Duration shift) {
        Clock base = of(today);
        return shift == null || shift.isZero() ? base : Clock.offset(base, shift);
    }
}
