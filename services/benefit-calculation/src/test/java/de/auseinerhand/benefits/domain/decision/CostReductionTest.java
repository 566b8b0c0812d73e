package de.auseinerhand.benefits.domain.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.auseinerhand.benefits.domain.calculation.CalculationSheet;
import de.auseinerhand.benefits.domain.calculation.EntitlementCalculator;
import de.auseinerhand.benefits.domain.calculation.Money;
import de.auseinerhand.benefits.infrastructure.RuleFiles;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.benefits.ApplicationReceived;
import de.auseinerhand.events.benefits.CostReductionNoticeIssued;
import de.auseinerhand.events.benefits.CostReductionNoticeWithdrawn;
import de.auseinerhand.events.registry.PersonRole;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * § 22(1) S. 2, 7 SGB II: housing costs above the limit are paid in full during the waiting period (12 months of receipt)
 * and then for at most six months after a cost-reduction notice; only then the adequate costs. Months counted by hand.
 */
class CostReductionTest {
    static final BenefitDecider DECIDER = new BenefitDecider();
    static final EntitlementCalculator CALCULATOR = new EntitlementCalculator(RuleFiles.ruleSets(), RuleFiles.adequacyLimits());
    static final Instant T = Instant.parse("2023-12-20T10:00:00Z");
    /** Benefits since January 2024: the waiting period covers 2024, it is over from January 2025. */
    static final LocalDate FIRST = LocalDate.of(2024, 1, 1);

    final List<EventData> history = new ArrayList<>(List.of(new ApplicationReceived(FIRST, FIRST)));

    BenefitState state() {
        return DECIDER.fold(history);
    }

    int months(String month) {
        return state().costReductionMonthsBefore(YearMonth.parse(month), 12);
    }

    @Test
    void aNoticeAfterTheWaitingPeriodRunsSixWholeMonthsFromTheMonthAfterIt() {
        assertThat(months("2025-10")).as("no notice: actual costs for good").isZero();
        history.add(new CostReductionNoticeIssued(LocalDate.of(2025, 3, 15)));
        // April to August 2025 are five whole months after the notice month
        assertThat(months("2025-04")).isZero();
        assertThat(months("2025-09")).isEqualTo(5);
        assertThat(months("2025-10")).isEqualTo(6);
        // withdrawn from 1 November: no notice applies on November's last day
        history.add(new CostReductionNoticeWithdrawn(LocalDate.of(2025, 3, 15), LocalDate.of(2025, 11, 1), "NO_CHEAPER_HOUSING"));
        assertThat(months("2025-10")).isEqualTo(6);
        assertThat(months("2025-11")).isZero();
    }

    @Test
    void aNoticeWithinTheWaitingPeriodCountsFromItsEnd() {
        history.add(new CostReductionNoticeIssued(LocalDate.of(2024, 6, 10)));
        assertThat(months("2024-12")).isZero();
        assertThat(months("2025-06")).isEqualTo(5);
        assertThat(months("2025-07")).isEqualTo(6);
    }

    @Test
    void theCapStartsWhenTheProcedureHasRunItsSixMonths() {
        UUID head = UUID.randomUUID();
        CaseFacts facts = new CaseFacts("c-1", FIRST, null, List.of(new CaseFacts.MunicipalityFrom(FIRST, "05958032", T)),
                List.of(new CaseFacts.PersonFact(head, PersonRole.HEAD, YearMonth.of(1980, 5), true, false, FIRST, null)), List.of(),
                List.of(new CaseFacts.HousingFact(FIRST, new BigDecimal("600.00"), new BigDecimal("80.00"), BigDecimal.ZERO, 1, T)),
                List.of());
        YearMonth m = YearMonth.of(2025, 10);
        CalculationSheet.Line running = rent(CALCULATOR.calculate(facts.householdIn(m, 21, 5)));
        assertThat(running.amount()).as("5 of 6 months: the actual 600.00").isEqualTo(Money.of(new BigDecimal("600.00")));
        assertThat(running.paragraph()).isEqualTo("§ 22(1) S. 7 SGB II");
        CalculationSheet.Line capped = rent(CALCULATOR.calculate(facts.householdIn(m, 21, 6)));
        assertThat(capped.amount()).as("after 6 months: the adequacy limit").isLessThan(Money.of(new BigDecimal("600.00")));
        assertThat(capped.note()).contains("capped at the adequacy limit");
    }

    @Test
    void oneNoticeAtATimeAndNotBeforeBenefits() {
        assertThatThrownBy(() -> DECIDER.decide(new BenefitCommand.IssueCostReductionNotice(LocalDate.of(2023, 12, 1)), state()))
                .hasFieldOrPropertyWithValue("field", "issuedOn");
        history.add(new CostReductionNoticeIssued(LocalDate.of(2025, 3, 15)));
        assertThatThrownBy(() -> DECIDER.decide(new BenefitCommand.IssueCostReductionNotice(LocalDate.of(2025, 5, 1)), state()))
                .hasFieldOrPropertyWithValue("code", "notice-in-force");
        assertThatThrownBy(() -> DECIDER.decide(new BenefitCommand.WithdrawCostReductionNotice(LocalDate.of(2025, 3, 1), "OTHER"), state()))
                .hasFieldOrPropertyWithValue("field", "withdrawnOn");
    }

    static CalculationSheet.Line rent(CalculationSheet s) {
        return s.housing().lines().stream().filter(l -> l.item().equals("RENT_AND_UTILITIES")).findFirst().orElseThrow();
    }
}
