package de.auseinerhand.benefits.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import de.auseinerhand.benefits.domain.calculation.CalculationSheet;
import de.auseinerhand.benefits.domain.calculation.EntitlementCalculator;
import de.auseinerhand.benefits.domain.calculation.Household;
import de.auseinerhand.benefits.domain.calculation.Money;
import de.auseinerhand.benefits.infrastructure.RuleFiles;
import de.auseinerhand.events.registry.IncomeKind;
import de.auseinerhand.events.registry.PersonRole;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.results.RunResult;

/**
 * JMH: full calculation sheets for four-person households (couple, two children, one or two
 * incomes, child benefit) on one thread. Target: at least 100,000 per second on one core.
 * Run: {@code ./mvnw test -pl services/benefit-calculation -Pbenchmark -Dtest=CalculatorBenchmark}.
 */
@Tag("benchmark")
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CalculatorBenchmark {

    private EntitlementCalculator calculator;
    private Household[] households;
    private int next;

    @Setup
    public void setUp() {
        calculator = new EntitlementCalculator(RuleFiles.ruleSets(), RuleFiles.adequacyLimits());
        households = fourPersonHouseholds(1024, 42);
    }

    @Benchmark
    public CalculationSheet fourPersonHousehold() {
        Household h = households[next];
        next = (next + 1) & 1023;
        return calculator.calculate(h);
    }

    static Household[] fourPersonHouseholds(int count, long seed) {
        Random r = new Random(seed);
        String[] towns = {"05958004", "05958008", "05958012", "05958016", "05958020", "05958024", "05958028", "05958032", "05958036",
                "05958040", "05958044", "05958048"};
        Household[] out = new Household[count];
        for (int i = 0; i < count; i++) {
            YearMonth month = YearMonth.of(2024, 1).plusMonths(r.nextInt(30));
            Money childBenefit = Money.euros(month.getYear() >= 2026 ? 259 : month.getYear() == 2025 ? 255 : 250);
            List<Household.Member> members = new ArrayList<>(4);
            long gross = 50_000 + r.nextInt(250_000);
            members.add(member("head", PersonRole.HEAD, 30 + r.nextInt(25),
                    List.of(new Household.Income(IncomeKind.EMPLOYMENT, Money.ofCents(gross), Money.ofCents(gross / 10),
                            Money.ofCents(gross / 5), null, false))));
            members.add(member("partner", PersonRole.PARTNER, 28 + r.nextInt(25), r.nextBoolean() ? List.of()
                    : List.of(new Household.Income(IncomeKind.EMPLOYMENT, Money.ofCents(52_000), Money.ZERO, Money.ZERO, null, false))));
            members.add(member("c1", PersonRole.CHILD, r.nextInt(14),
                    List.of(new Household.Income(IncomeKind.CHILD_BENEFIT, childBenefit, Money.ZERO, Money.ZERO, null, false))));
            members.add(member("c2", PersonRole.CHILD, 14 + r.nextInt(10),
                    List.of(new Household.Income(IncomeKind.CHILD_BENEFIT, childBenefit, Money.ZERO, Money.ZERO, null, false))));
            out[i] = new Household(month, null, null, towns[r.nextInt(towns.length)], null, members,
                    new Household.Housing(Money.ofCents(45_000 + r.nextInt(40_000)), Money.ofCents(10_000 + r.nextInt(10_000)),
                            Money.ofCents(9_000 + r.nextInt(12_000)), 4, r.nextInt(8)), List.of(), r.nextInt(30), false);
        }
        return out;
    }

    private static Household.Member member(String id, PersonRole role, int age, List<Household.Income> incomes) {
        return new Household.Member(id, role, null, age, List.of(), age >= 15, false, false, false, false, null, false, false, false, 0,
                incomes);
    }

    @Test
    void atLeast100kFourPersonHouseholdsPerSecondOnOneCore() throws RunnerException {
        Options options = new OptionsBuilder()
                .include(CalculatorBenchmark.class.getName() + ".fourPersonHousehold")
                .forks(1)
                .threads(1)
                .warmupIterations(Integer.getInteger("bench.warmup", 3))
                .warmupTime(TimeValue.seconds(5))
                .measurementIterations(Integer.getInteger("bench.iterations", 5))
                .measurementTime(TimeValue.seconds(5))
                .jvmArgs("-Xms512m", "-Xmx512m", "-XX:ActiveProcessorCount=1")
                .build();
        RunResult result = new Runner(options).runSingle();
        double perSecond = result.getPrimaryResult().getScore();
        System.out.printf("calculations per second (1 thread, 1 core): %.0f ± %.0f%n", perSecond,
                result.getPrimaryResult().getScoreError());
        assertThat(perSecond).as("four-person household calculations per second").isGreaterThanOrEqualTo(100_000);
    }
}
