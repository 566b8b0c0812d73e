package de.auseinerhand.benefits.application;

import de.auseinerhand.benefits.domain.calculation.CalculationSheet;
import de.auseinerhand.benefits.domain.calculation.EntitlementCalculator;
import de.auseinerhand.benefits.domain.calculation.InvalidHouseholdException;
import de.auseinerhand.benefits.domain.calculation.Money;
import de.auseinerhand.benefits.domain.decision.BenefitState;
import de.auseinerhand.benefits.domain.decision.CaseFacts;
import de.auseinerhand.benefits.domain.rules.RuleSet;
import de.auseinerhand.benefits.domain.rules.RuleSets;
import de.auseinerhand.benefits.infrastructure.CaseFactsRepository;
import de.auseinerhand.eventstore.EventStore;
import de.auseinerhand.eventstore.Loaded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

/**
 * What a rule set would do to the caseload: every decision in force in a month is computed from the
 * stored facts once under a baseline rule set and once under the candidate, and the differences are
 * summed per municipality and for the district (households whose amount changes, change of LLU, the
 * federal share, and of KdU, the municipal share) with the ten largest changes. Reads only; writes
 * nothing, posts nothing, audits the analysis as a whole.
 *
 * <p>Cases appear under a pseudonym (HMAC of the case id with a key that lives only in this process);
 * the case id itself only for callers who may see the case's municipality.
 */
@ApplicationScoped
public class RuleSetImpact {
    private static final int TOP = 10;

    @Inject
    DataSource dataSource;

    @Inject
    EventStore store;

    @Inject
    CaseFactsRepository facts;

    @Inject
    EntitlementCalculator calculator;

    private final byte[] pseudonymKey = new byte[32];

    RuleSetImpact() {
        new SecureRandom().nextBytes(pseudonymKey);
    }

    public record Change(String pseudonym, String caseId, String municipality, BigDecimal before, BigDecimal after, BigDecimal llu,
                         BigDecimal kdu) {
    }

    public record Unit(String municipality, long households, long changed, BigDecimal lluChange, BigDecimal kduChange, BigDecimal totalChange,
                       List<Change> largest) {
    }

    public record Result(YearMonth month, String baseline, String candidate, long households, long notComputable, Unit district,
                         List<Unit> municipalities, long millis) {
    }

    private static final class Sum {
        long households;
        long changed;
        Money llu = Money.ZERO;
        Money kdu = Money.ZERO;
        final List<Change> changes = new ArrayList<>();
    }

    /**
     * @param mayAccess whether the caller may see cases of a municipality (case ids are shown only then)
     */
    public Result compute(YearMonth month, RuleSet baseline, RuleSet candidate, Predicate<String> mayAccess) {
        long t0 = System.nanoTime();
        EntitlementCalculator before = new EntitlementCalculator(new RuleSets(List.of(baseline.validFrom(month.atDay(1)))),
                calculator.adequacyLimits());
        EntitlementCalculator after = new EntitlementCalculator(new RuleSets(List.of(candidate.validFrom(month.atDay(1)))),
                calculator.adequacyLimits());
        List<String> caseIds = casesWithSheets(month);
        Map<String, Sum> units = new TreeMap<>();
        Sum district = new Sum();
        long failed = 0;
        for (int i = 0; i < caseIds.size(); i += 1_000) {
            List<String> chunk = caseIds.subList(i, Math.min(caseIds.size(), i + 1_000));
            Map<String, Loaded<BenefitState>> states = store.loadAll(chunk.stream().map(DecisionService::stream).toList(), DecisionService.DECIDER);
            Map<String, CaseFacts> known = facts.loadAll(chunk);
            for (String caseId : chunk) {
                Loaded<BenefitState> state = states.get(DecisionService.stream(caseId));
                CaseFacts f = known.get(caseId);
                if (state == null || f == null || state.state().decisionFor(month) == null) {
                    continue;
                }
                CalculationSheet b;
                CalculationSheet a;
                try {
                    var household = f.householdIn(month, state.state().monthsOfReceiptBefore(month), state.state()
                            .costReductionMonthsBefore(month, before.ruleSets().forMonth(month).housingWaitingPeriodMonths()));
                    b = before.calculate(household);
                    a = after.calculate(household);
                } catch (InvalidHouseholdException e) {
                    failed++;
                    continue;
                }
                String municipality = f.municipalityIn(month);
                Money llu = a.totals().llu().minus(b.totals().llu());
                Money kdu = a.totals().kdu().minus(b.totals().kdu());
                for (Sum s : List.of(district, units.computeIfAbsent(municipality, k -> new Sum()))) {
                    s.households++;
                    if (llu.cents() != 0 || kdu.cents() != 0) {
                        s.changed++;
                        s.llu = s.llu.plus(llu);
                        s.kdu = s.kdu.plus(kdu);
                        s.changes.add(new Change(pseudonym(caseId), mayAccess.test(municipality) ? caseId : null, municipality,
                                b.totals().entitlement().toBigDecimal(), a.totals().entitlement().toBigDecimal(), llu.toBigDecimal(),
                                kdu.toBigDecimal()));
                    }
                }
            }
        }
        List<Unit> perMunicipality = new ArrayList<>();
        units.forEach((m, s) -> perMunicipality.add(unit(m, s)));
        return new Result(month, baseline.id(), candidate.id(), district.households, failed, unit("district", district), perMunicipality,
                (System.nanoTime() - t0) / 1_000_000);
    }

    private static Unit unit(String municipality, Sum s) {
        List<Change> largest = s.changes.stream()
                .sorted(Comparator.comparing((Change c) -> c.llu().add(c.kdu()).abs()).reversed().thenComparing(Change::pseudonym))
                .limit(TOP).toList();
        return new Unit(municipality, s.households, s.changed, s.llu.toBigDecimal(), s.kdu.toBigDecimal(), s.llu.plus(s.kdu).toBigDecimal(),
                largest);
    }

    /** Cases with a calculation sheet for the month (every decision stores one per month it covers). */
    private List<String> casesWithSheets(YearMonth month) {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select distinct case_id from decision_sheet where month = ? order by case_id")) {
            ps.setString(1, month.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("listing the decisions of " + month + " failed", e);
        }
        return out;
    }

    String pseudonym(String caseId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pseudonymKey, "HmacSHA256"));
            return "case-" + HexFormat.of().formatHex(mac.doFinal(caseId.getBytes(StandardCharsets.UTF_8)), 0, 8);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
