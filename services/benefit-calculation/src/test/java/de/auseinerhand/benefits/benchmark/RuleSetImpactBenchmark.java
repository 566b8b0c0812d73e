package de.auseinerhand.benefits.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import de.auseinerhand.benefits.application.ImpactSeed;
import de.auseinerhand.benefits.application.PostingSeedAccess;
import de.auseinerhand.benefits.application.RuleSetImpact;
import de.auseinerhand.benefits.domain.calculation.EntitlementCalculator;
import de.auseinerhand.eventstore.EventStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The impact of a rule set on a district of 10,000 cases (target: seconds): every decision of the month
 * computed twice from the stored facts. Run:
 * {@code ./mvnw test -pl services/benefit-calculation -Pbenchmark -Dtest=RuleSetImpactBenchmark}.
 */
@QuarkusTest
@Tag("benchmark")
class RuleSetImpactBenchmark {

    @Inject
    EventStore store;

    @Inject
    DataSource dataSource;

    @Inject
    RuleSetImpact impact;

    @Inject
    EntitlementCalculator calculator;

    @Test
    void tenThousandCasesInSeconds() {
        int cases = Integer.getInteger("bench.cases", 10_000);
        YearMonth from = YearMonth.of(2026, 6);
        long s0 = System.nanoTime();
        List<String> ids = PostingSeedAccess.seed(store, dataSource, "7", cases, from);
        ImpactSeed.facts(dataSource, ids, from, 12);
        long seeded = System.nanoTime();
        var before = calculator.ruleSets().all().stream().filter(r -> r.id().equals("2026-01")).findFirst().orElseThrow();
        var after = calculator.ruleSets().all().stream().filter(r -> r.id().equals("2026-07")).findFirst().orElseThrow();
        RuleSetImpact.Result warm = impact.compute(YearMonth.of(2026, 7), before, after, m -> false);
        long[] runs = new long[3];
        RuleSetImpact.Result r = warm;
        for (int i = 0; i < runs.length; i++) {
            long t = System.nanoTime();
            r = impact.compute(YearMonth.of(2026, 7), before, after, m -> false);
            runs[i] = (System.nanoTime() - t) / 1_000_000;
        }
        System.out.printf("seeded %d cases in %.1f s; impact 2026-01 -> 2026-07 for 2026-07: %d households, %d changed, LLU %s, KdU %s;"
                        + " first run %d ms, then %s ms%n", cases, (seeded - s0) / 1e9, r.households(), r.district().changed(),
                r.district().lluChange(), r.district().kduChange(), warm.millis(), java.util.Arrays.toString(runs));
        assertThat(r.households()).isGreaterThanOrEqualTo(cases);
        assertThat(r.district().changed()).isPositive();
    }
}
