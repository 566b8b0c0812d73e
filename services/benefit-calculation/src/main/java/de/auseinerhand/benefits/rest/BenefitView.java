package de.auseinerhand.benefits.rest;

import de.auseinerhand.benefits.domain.decision.BenefitState;
import de.auseinerhand.benefits.domain.decision.MonthAmounts;
import de.auseinerhand.events.benefits.PersonEntitlement;
import de.auseinerhand.eventstore.Loaded;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The benefit history of a case as the API shows it; {@code version} is the ETag for If-Match. */
public record BenefitView(String caseId, long version, LocalDate applicationFrom, LocalDate firstBenefitDay, List<DecisionView> decisions,
                          List<YearMonth> postedMonths, List<BenefitState.Reduction> reductions,
                          List<BenefitState.CostReductionNotice> costReductionNotices) {

    public record DecisionView(UUID decisionId, LocalDate from, LocalDate to, boolean provisional, UUID replacedBy, LocalDate terminatedFrom,
                               List<ScheduleEntry> schedule) {
    }

    /** The amounts that apply from {@code from} until the next entry (the decision's first month, then each amendment). */
    public record ScheduleEntry(YearMonth from, String ruleSet, BigDecimal total, BigDecimal federalShare, BigDecimal municipalShare,
                                List<PersonEntitlement> perPerson) {
    }

    static BenefitView of(String caseId, Loaded<BenefitState> loaded) {
        BenefitState s = loaded.state();
        List<DecisionView> decisions = s.decisions().values().stream().map(d -> new DecisionView(d.id(), d.from(), d.to(), d.provisional(),
                d.replacedBy(), d.terminatedFrom(), d.schedule().entrySet().stream().map(BenefitView::entry).toList())).toList();
        return new BenefitView(caseId, loaded.version(), s.applicationFrom(), s.firstBenefitDay(), decisions, List.copyOf(s.posted().keySet()), s.reductions(),
                s.costReductionNotices());
    }

    private static ScheduleEntry entry(Map.Entry<YearMonth, MonthAmounts.Amounts> e) {
        MonthAmounts.Amounts a = e.getValue();
        return new ScheduleEntry(e.getKey(), a.ruleSet(), a.total(), a.federal(), a.municipal(), a.perPerson());
    }
}
