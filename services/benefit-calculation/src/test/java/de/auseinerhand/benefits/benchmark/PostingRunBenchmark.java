package de.auseinerhand.benefits.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import de.auseinerhand.benefits.application.PostingRuns;
import de.auseinerhand.benefits.application.PostingSeedAccess;
import de.auseinerhand.eventstore.EventStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.YearMonth;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Monthly posting run for 10,000 cases (target: at most 60 s) against the real PostgreSQL and the
 * outbox relay publishing to the in-process broker. Run:
 * {@code ./mvnw test -pl services/benefit-calculation -Pbenchmark -Dtest=PostingRunBenchmark}.
 */
@QuarkusTest
@Tag("benchmark")
class PostingRunBenchmark {

    @Inject
    EventStore store;

    @Inject
    DataSource dataSource;

    @Inject
    PostingRuns runs;

    @Test
    void tenThousandCasesWithinAMinute() {
        int cases = Integer.getInteger("bench.cases", 10_000);
        YearMonth month = YearMonth.of(2032, 5);
        long s0 = System.nanoTime();
        PostingSeedAccess.seed(store, dataSource, "8", cases, month.minusMonths(1));
        long seeded = System.nanoTime();
        runs.run(month, "user:benchmark", Integer.getInteger("bench.batch", 100));
        long done = System.nanoTime();
        double seconds = (done - seeded) / 1e9;
        System.out.printf("seeded %d cases in %.1f s; posting run: %d cases in %.1f s (%.0f cases/s); status %s%n", cases,
                (seeded - s0) / 1e9, cases, seconds, cases / seconds, runs.status(month));
        assertThat(runs.status(month).posted()).isEqualTo(cases);
        assertThat(seconds).as("posting run seconds for %d cases", cases).isLessThanOrEqualTo(60.0);
    }
}
