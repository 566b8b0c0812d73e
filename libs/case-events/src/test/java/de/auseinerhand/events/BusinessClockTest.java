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
}
