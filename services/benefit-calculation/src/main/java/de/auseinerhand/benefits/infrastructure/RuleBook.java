package de.auseinerhand.benefits.infrastructure;

import de.auseinerhand.benefits.domain.calculation.EntitlementCalculator;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

/** Loads and validates the rule data once at start-up: a broken rule file stops the service before it serves a wrong amount. */
@ApplicationScoped
public class RuleBook {
    private static final Logger LOG = Logger.getLogger(RuleBook.class);

    private final EntitlementCalculator calculator;

    public RuleBook() {
        this.calculator = new EntitlementCalculator(RuleFiles.ruleSets(), RuleFiles.adequacyLimits());
    }

    @Startup
    void announce() {
        LOG.infof("rule sets loaded: %s; housing adequacy limits%s", calculator.ruleSets().all().stream().map(r -> r.id()).toList(),
                calculator.adequacyLimits().exampleData() ? " (EXAMPLE DATA - replace rules/housing-adequacy-limits.json)" : "");
    }

    @Produces
    @ApplicationScoped
    public EntitlementCalculator calculator() {
        return calculator;
    }
}
