package de.auseinerhand.benefits.infrastructure;

import de.auseinerhand.benefits.domain.calculation.EntitlementCalculator;
import de.auseinerhand.benefits.domain.rules.RuleSet;
import de.auseinerhand.benefits.domain.rules.RuleSets;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads and validates the rule data once at start-up: a broken rule file stops the service before it
 * serves a wrong amount. The rule sets are data: {@code aeh.benefits.rules.directory} (a ConfigMap
 * mounted as a directory) replaces the built-in {@code rule-sets.json} and
 * {@code housing-adequacy-limits.json} with district IT's own, without a new release.
 */
@ApplicationScoped
public class RuleBook {
    private static final Logger LOG = Logger.getLogger(RuleBook.class);

    private final EntitlementCalculator calculator;
    private final Optional<Path> directory;

    @Inject
    public RuleBook(@ConfigProperty(name = "aeh.benefits.rules.directory") Optional<Path> directory) {
        this.directory = directory;
        this.calculator = new EntitlementCalculator(RuleFiles.ruleSets(directory), RuleFiles.adequacyLimits(directory));
    }

    @Startup
    void announce() {
        LOG.infof("rule sets loaded from %s: %s; housing adequacy limits from %s%s", RuleFiles.origin(directory, "rule-sets.json"),
                calculator.ruleSets().all().stream().map(RuleSet::id).toList(), RuleFiles.origin(directory, "housing-adequacy-limits.json"),
                calculator.adequacyLimits().exampleData() ? " (EXAMPLE DATA - replace housing-adequacy-limits.json)" : "");
    }

    @Produces
    @ApplicationScoped
    public EntitlementCalculator calculator() {
        return calculator;
    }

    /**
     * Whether the rules for {@code month} are confirmed: the rule set in force for it is followed by a later
     * one, or district IT marked it confirmed until the month's end ({@code confirmedUntil}).
     */
    public static boolean confirmed(RuleSets sets, YearMonth month) {
        RuleSet r = sets.forMonth(month);
        if (r == null) {
            return false;
        }
        List<RuleSet> all = sets.all();
        if (all.indexOf(r) < all.size() - 1) {
            return true;
        }
        LocalDate until = r.law().confirmedUntil();
        return until != null && !until.isBefore(month.atEndOfMonth());
    }
}
