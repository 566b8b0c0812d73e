package de.auseinerhand.testsupport;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ThrowingRunnable;

/** Bounded waiting for asynchronous results: poll until the assertion holds or the bound is reached. Never sleep. */
public final class Eventually {

    private Eventually() {
    }

    public static ConditionFactory within(Duration bound) {
        return Awaitility.await().atMost(bound).pollInterval(Duration.ofMillis(50)).pollDelay(Duration.ZERO)
                .ignoreExceptions();
    }

    public static void assertWithin(Duration bound, ThrowingRunnable assertion) {
        within(bound).untilAsserted(assertion);
    }

    /** The usual bound for a hop through the outbox, Kafka and a consumer on this 2-core machine. */
    public static void assertSoon(ThrowingRunnable assertion) {
        assertWithin(Duration.ofSeconds(30), assertion);
    }
}
