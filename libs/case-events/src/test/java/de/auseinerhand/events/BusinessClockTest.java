package de.auseinerhand.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class BusinessClockTest {

    @Test
    void aClockStartedOnADayIsOnThatDayAndRunsOn() throws InterruptedException {
        for (LocalDate day : new LocalDate[] {LocalDate.of(2024, 2, 29), LocalDate.of(2027, 1, 1), LocalDate.of(2026, 3, 29),
                LocalDate.of(1999, 12, 31)}) {
            Clock clock = BusinessClock.startingOn(day);
            assertThat(LocalDate.now(clock)).isEqualTo(day);
            // the time of day is the real one (a shift of whole days), so timeouts and lifetimes are untouched
            LocalTime real = LocalTime.now(BusinessClock.system());
            assertThat(Duration.between(real, LocalTime.now(clock)).abs()).isLessThan(Duration.ofHours(1).plusSeconds(5));
        }
        Clock clock = BusinessClock.startingOn(LocalDate.of(2027, 1, 1));
        Instant first = clock.instant();
        // bounded wait for the clock to move (it runs at the real pace), not a fixed sleep
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (!clock.instant().isAfter(first) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(clock.instant()).isAfter(first);
    }

    @Test
    void withoutADayItIsTheSystemClockInBerlin() {
        Clock clock = BusinessClock.of(null);
        assertThat(clock.getZone()).isEqualTo(BusinessClock.ZONE);
        assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aShiftedClockIsAheadOrBehindByTheShiftAndAgreesWithAnotherShiftedTheSame() {
        Duration shift = Duration.ofHours(-1).minusMinutes(45);
        Clock a = BusinessClock.of(null, shift);
        Clock b = BusinessClock.of(null, shift);
        Instant real = BusinessClock.system().instant();
        assertThat(Duration.between(real.plus(shift), a.instant()).abs()).isLessThan(Duration.ofSeconds(5));
        assertThat(Duration.between(a.instant(), b.instant()).abs()).isLessThan(Duration.ofSeconds(5));
        // with a day as well: that day's real time of day, moved on by the shift
        Clock day = BusinessClock.of(LocalDate.of(2027, 1, 1), Duration.ofHours(30));
        assertThat(Duration.between(BusinessClock.startingOn(LocalDate.of(2027, 1, 1)).instant().plus(Duration.ofHours(30)), day.instant()).abs())
                .isLessThan(Duration.ofSeconds(5));
        assertThat(BusinessClock.of(null, Duration.ZERO).instant()).isCloseTo(real, org.assertj.core.api.Assertions.within(5, java.time.temporal.ChronoUnit.SECONDS));
    }
}
