package de.auseinerhand.benefits.application;

import de.auseinerhand.benefits.domain.calculation.EntitlementCalculator;
import de.auseinerhand.benefits.domain.rules.RuleSet;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * New rule data (a new rule set, e.g. the 13th amending act from 2026-07-01, added to a running system):
 * every decision with a month that was computed under another rule set than the one now in force for that
 * month is recomputed from that month on through the automatic amendment path, with the law as the reason
 * (SGB X § 48: a change in the law is a change of circumstances). Runs once per version of the rule data
 * (its fingerprint, in {@code rule_data_review}), in the background after start-up, on one replica at a
 * time (advisory lock).
 */
@ApplicationScoped
public class RuleChangeAmendments {
    private static final Logger LOG = Logger.getLogger(RuleChangeAmendments.class);
    private static final long LOCK = 7_302_001L;

    @Inject
    DataSource dataSource;

    @Inject
    EntitlementCalculator calculator;

    @Inject
    DecisionService decisions;

    @Inject
    Clock clock;

    @ConfigProperty(name = "aeh.benefits.rule-change-review.enabled", defaultValue = "true")
    boolean enabled;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rule-change-review");
        t.setDaemon(true);
        return t;
    });

    void start(@Observes StartupEvent e) {
        if (enabled) {
            executor.submit(() -> {
                try {
                    review();
                } catch (RuntimeException ex) {
                    LOG.errorf(ex, "reviewing decisions for changed rule data failed; it is tried again at the next start");
                }
            });
        }
    }

    void stop(@Observes ShutdownEvent e) {
        executor.shutdownNow();
    }

    /** The fingerprint of the rule data: ids, validity starts and contents of all rule sets. */
    String fingerprint() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (RuleSet r : calculator.ruleSets().all()) {
                md.update((r.id() + "|" + r.validFrom() + "|" + r.law() + "|" + java.util.Arrays.toString(r.standardNeed()) + "|"
                        + r.reductions() + "|" + r.housingWaitingPeriodMonths() + "|" + r.assetsWaitingPeriodMonths() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Reviews all decisions against the rule data; returns the number of cases looked at (0 when done before). */
    public int review() {
        String fingerprint = fingerprint();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(?)")) {
                ps.setLong(1, LOCK);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || !rs.getBoolean(1)) {
                        LOG.info("another replica reviews the decisions for the rule data");
                        return 0;
                    }
                }
            }
            try {
                if (reviewed(c, fingerprint)) {
                    return 0;
                }
                Map<String, YearMonth> cases = outdated(c);
                int amended = 0;
                for (Map.Entry<String, YearMonth> e : cases.entrySet()) {
                    RuleSet r = calculator.ruleSets().forMonth(e.getValue());
                    String reason = "law in force from " + r.validFrom() + ": " + r.law().legalBasis() + " (rule set " + r.id() + ", "
                            + r.law().benefitName() + ")";
                    try {
                        decisions.rulesChanged(e.getKey(), e.getValue(), reason);
                        amended++;
                    } catch (RuntimeException ex) {
                        LOG.warnf(ex, "case %s: the decision could not be reviewed for the rule set %s", e.getKey(), r.id());
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "insert into rule_data_review (fingerprint, reviewed_at, cases) values (?, ?, ?) on conflict do nothing")) {
                    ps.setString(1, fingerprint);
                    ps.setTimestamp(2, java.sql.Timestamp.from(Instant.now(clock)));
                    ps.setInt(3, cases.size());
                    ps.executeUpdate();
                }
                LOG.infof("rule data %s: %d cases with months computed under an older rule set reviewed (%d without error)",
                        fingerprint.substring(0, 12), cases.size(), amended);
                return cases.size();
            } finally {
                try (PreparedStatement ps = c.prepareStatement("select pg_advisory_unlock(?)")) {
                    ps.setLong(1, LOCK);
                    ps.execute();
                }
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("reviewing decisions for the rule data failed", ex);
        }
    }

    private static boolean reviewed(Connection c, String fingerprint) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from rule_data_review where fingerprint = ?")) {
            ps.setString(1, fingerprint);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Cases whose latest sheet of some month names another rule set than the one in force for it, with the first such month. */
    private Map<String, YearMonth> outdated(Connection c) throws SQLException {
        Map<String, YearMonth> out = new LinkedHashMap<>();
        List<RuleSet> sets = calculator.ruleSets().all();
        for (int i = 0; i < sets.size(); i++) {
            RuleSet r = sets.get(i);
            String from = YearMonth.from(r.validFrom()).toString();
            String until = i + 1 < sets.size() ? YearMonth.from(sets.get(i + 1).validFrom()).toString() : "9999-12";
            try (PreparedStatement ps = c.prepareStatement("""
                    select case_id, min(month) from (
                        select distinct on (decision_id, month) case_id, month, sheet->>'ruleSet' as rule_set
                          from decision_sheet where month >= ? and month < ?
                         order by decision_id, month, version desc) latest
                     where rule_set is distinct from ?
                     group by case_id""")) {
                ps.setString(1, from);
                ps.setString(2, until);
                ps.setString(3, r.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        YearMonth m = YearMonth.parse(rs.getString(2));
                        out.merge(rs.getString(1), m, (a, b) -> a.isBefore(b) ? a : b);
                    }
                }
            }
        }
        return out;
    }
}
