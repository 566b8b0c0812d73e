package de.auseinerhand.benefits.infrastructure;

import de.auseinerhand.benefits.domain.calculation.EntitlementCalculator;
import de.auseinerhand.benefits.domain.rules.RuleSet;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.YearMonth;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness names the rule set in force and warns (without going down: the service computes correctly
 * under the rules it has) when no rule set is confirmed for the next month, e.g. in December before the
 * next year's standard needs are set: {@code nextMonthConfirmed=false} with a warning, and the gauge
 * {@code aeh_rule_set_next_month_confirmed} at 0 for an alert.
 */
@Readiness
@ApplicationScoped
public class RuleSetHealth implements HealthCheck {

    @Inject
    EntitlementCalculator calculator;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry meters;

    @Startup
    void register() {
        Gauge.builder("aeh.rule.set.next.month.confirmed", this, h -> h.nextMonthConfirmed() ? 1 : 0)
                .description("1 when a rule set is confirmed for the next month").register(meters);
    }

    boolean nextMonthConfirmed() {
        return RuleBook.confirmed(calculator.ruleSets(), YearMonth.now(clock).plusMonths(1));
    }

    @Override
    public HealthCheckResponse call() {
        YearMonth now = YearMonth.now(clock);
        RuleSet current = calculator.ruleSets().forMonth(now);
        boolean next = nextMonthConfirmed();
        var b = HealthCheckResponse.named("rule sets").up()
                .withData("inForce", current == null ? "none" : current.id() + " (" + current.law().benefitName() + ")")
                .withData("nextMonth", now.plusMonths(1).toString())
                .withData("nextMonthConfirmed", next);
        if (!next) {
            b.withData("warning", "no rule set is confirmed for " + now.plusMonths(1)
                    + ": add or confirm one (confirmedUntil) in the rule data before the month starts");
        }
        return b.build();
    }
}
