package de.auseinerhand.benefits.domain.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.auseinerhand.benefits.domain.calculation.EntitlementCalculator;
import de.auseinerhand.benefits.domain.calculation.Household;
import de.auseinerhand.benefits.domain.calculation.Money;
import de.auseinerhand.benefits.domain.rules.RuleSet;
import de.auseinerhand.benefits.infrastructure.RuleFiles;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.benefits.ApplicationReceived;
import de.auseinerhand.events.benefits.BenefitReductionImposed;
import de.auseinerhand.events.benefits.BenefitReductionLifted;
import de.auseinerhand.events.benefits.EntitlementAmended;
import de.auseinerhand.events.benefits.EntitlementDecided;
import de.auseinerhand.events.benefits.EntitlementTerminated;
import de.auseinerhand.events.benefits.MonthlyEntitlementPosted;
import de.auseinerhand.events.registry.IncomeKind;
import de.auseinerhand.events.registry.PersonRole;
import de.auseinerhand.eventstore.CommandRejected;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Given events / when command / then events or rejection, for every rule of the benefit life. */
class BenefitDeciderTest {
    static final EntitlementCalculator CALCULATOR = new EntitlementCalculator(RuleFiles.ruleSets(), RuleFiles.adequacyLimits());
    static final BenefitDecider DECIDER = new BenefitDecider();
    static final UUID HEAD = UUID.fromString("11111111-1111-1111-1111-111111111111");
    static final UUID DECISION = UUID.fromString("22222222-2222-2222-2222-222222222222");
    static final RuleSet.Reductions RULES = CALCULATOR.ruleSets().forMonth(YearMonth.of(2026, 1)).reductions();

    static MonthAmounts month(YearMonth m, long grossWage) {
        List<Household.Income> incomes = grossWage == 0 ? List.of()
                : List.of(new Household.Income(IncomeKind.EMPLOYMENT, Money.euros(grossWage), Money.ZERO, Money.ZERO, null, false));
        Household h = new Household(m, null, null, "05958032", null, List.of(new Household.Member(HEAD.toString(), PersonRole.HEAD, null, 40,
                List.of(), true, false, false, false, false, null, false, false, false, 0, incomes)),
                new Household.Housing(Money.euros(400), Money.ZERO, Money.euros(80), 1, 0), List.of(), 0, false);
        return MonthAmounts.of(CALCULATOR.calculate(h));
    }

    static List<MonthAmounts> months(YearMonth from, int count, long wage) {
        List<MonthAmounts> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(month(from.plusMonths(i), wage));
        }
        return out;
    }

    static BenefitState given(EventData... events) {
        return DECIDER.fold(List.of(events));
    }

    static final ApplicationReceived APPLIED = new ApplicationReceived(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 1));

    static EntitlementDecided decided() {
        return (EntitlementDecided) DECIDER.decide(new BenefitCommand.Decide(DECISION, LocalDate.of(2026, 3, 1), LocalDate.of(2027, 2, 28), false,
                null, null, null, months(YearMonth.of(2026, 3), 12, 0)), given(APPLIED)).get(0);
    }

    @Test
    @DisplayName("§ 37: an application is effective from the first of its month, not before the case was opened")
    void application() {
        assertThat(DECIDER.decide(new BenefitCommand.ReceiveApplication(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 2, 1)), given()))
                .containsExactly(APPLIED);
        rejected(() -> DECIDER.decide(new BenefitCommand.ReceiveApplication(LocalDate.of(2026, 1, 9), LocalDate.of(2026, 2, 1)), given()),
                "application-before-case");
        rejected(() -> DECIDER.decide(new BenefitCommand.ReceiveApplication(LocalDate.of(2026, 3, 20), LocalDate.of(2026, 2, 1)), given(APPLIED)),
                "application-pending");
    }

    @Test
    @DisplayName("no decision without an application, none before it, none overlapping another")
    void decisionRules() {
        List<MonthAmounts> m = months(YearMonth.of(2026, 3), 12, 0);
        rejected(() -> DECIDER.decide(new BenefitCommand.Decide(DECISION, LocalDate.of(2026, 3, 1), LocalDate.of(2027, 2, 28), false, null, null,
                null, m), given()), "no-application");
        rejected(() -> DECIDER.decide(new BenefitCommand.Decide(DECISION, LocalDate.of(2026, 2, 1), LocalDate.of(2027, 1, 31), false, null, null,
                null, months(YearMonth.of(2026, 2), 12, 0)), given(APPLIED)), "before-application");
        rejected(() -> DECIDER.decide(new BenefitCommand.Decide(UUID.randomUUID(), LocalDate.of(2026, 3, 1), LocalDate.of(2027, 2, 28), false,
                null, null, null, m), given(APPLIED, decided())), "overlapping-decision");
    }

    @Test
    @DisplayName("a decision over a rule-set change records the scheduled change as an amendment from January")
    void scheduledChange() {
        List<EventData> events = DECIDER.decide(new BenefitCommand.Decide(DECISION, LocalDate.of(2025, 7, 1), LocalDate.of(2026, 6, 30), false,
                null, null, null, months(YearMonth.of(2025, 7), 12, 300)), given(new ApplicationReceived(LocalDate.of(2025, 7, 2),
                LocalDate.of(2025, 7, 1))));
        assertThat(events).hasSize(1).first().isInstanceOf(EntitlementDecided.class);
        // same amounts in 2025 and 2026 for this household: the change of rule set alone is no amendment
        assertThat(((EntitlementDecided) events.get(0)).ruleSet()).isEqualTo("2025-01");
    }

    @Test
    @DisplayName("SGB X § 48: an amendment only from the months whose amounts changed")
    void amendment() {
        List<MonthAmounts> changed = new ArrayList<>(months(YearMonth.of(2026, 3), 2, 0));
        changed.addAll(months(YearMonth.of(2026, 5), 10, 800));
        List<EventData> events = DECIDER.decide(new BenefitCommand.Amend(DECISION, "income", changed), given(APPLIED, decided()));
        assertThat(events).hasSize(1);
        EntitlementAmended a = (EntitlementAmended) events.get(0);
        assertThat(a.effectiveFrom()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(a.total()).as("gross 800 without deductions: countable 532").isEqualByComparingTo("511.00");
        assertThat(DECIDER.decide(new BenefitCommand.Amend(DECISION, "nothing new", months(YearMonth.of(2026, 3), 12, 0)),
                given(APPLIED, decided()))).isEmpty();
    }

    @Test
    @DisplayName("terminations lie within the period; a month is posted once and only under a decision")
    void terminationAndPosting() {
        rejected(() -> DECIDER.decide(new BenefitCommand.Terminate(DECISION, LocalDate.of(2027, 5, 1), "x"), given(APPLIED, decided())),
                "outside-period");
        assertThat(DECIDER.decide(new BenefitCommand.Terminate(DECISION, LocalDate.of(2026, 6, 16), "job"), given(APPLIED, decided())))
                .containsExactly(new EntitlementTerminated(DECISION, LocalDate.of(2026, 6, 16), "job"));
        BenefitCommand.Post post = new BenefitCommand.Post(YearMonth.of(2026, 4), List.of(), new BigDecimal("563.00"), new BigDecimal("480.00"),
                BigDecimal.ZERO, new BigDecimal("1043.00"));
        MonthlyEntitlementPosted posted = (MonthlyEntitlementPosted) DECIDER.decide(post, given(APPLIED, decided())).get(0);
        rejected(() -> DECIDER.decide(post, given(APPLIED, decided(), posted)), "already-posted");
        rejected(() -> DECIDER.decide(new BenefitCommand.Post(YearMonth.of(2027, 4), List.of(), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO), given(APPLIED, decided())), "no-decision");
        BenefitState terminated = given(APPLIED, decided(), new EntitlementTerminated(DECISION, LocalDate.of(2026, 6, 16), "job"));
        assertThat(terminated.decisionFor(YearMonth.of(2026, 6)).lastDayIn(YearMonth.of(2026, 6))).isEqualTo(LocalDate.of(2026, 6, 15));
        assertThat(terminated.decisionFor(YearMonth.of(2026, 7))).isNull();
    }

    static BenefitCommand.ImposeReduction breach(LocalDate occurred, LocalDate hearing, LocalDate from, boolean dispute) {
        return new BenefitCommand.ImposeReduction(HEAD, "REFUSED_REASONABLE_OFFER", false, occurred, hearing, from, true, dispute, RULES);
    }

    @Test
    @DisplayName("§ 31a(1): 10 % for 1 month, then 20 % for 2 and 30 % for 3 within a year; after a year again 10 %")
    void reductionLevels() {
        BenefitState s = given(APPLIED, decided());
        BenefitReductionImposed first = (BenefitReductionImposed) DECIDER.decide(breach(LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 10),
                LocalDate.of(2026, 5, 1), false), s).get(0);
        assertThat(first.percent()).isEqualTo(10);
        assertThat(first.to()).isEqualTo(LocalDate.of(2026, 5, 31));
        BenefitReductionImposed second = (BenefitReductionImposed) DECIDER.decide(breach(LocalDate.of(2026, 6, 2), LocalDate.of(2026, 6, 10),
                LocalDate.of(2026, 7, 1), false), given(APPLIED, decided(), first)).get(0);
        assertThat(second.percent()).isEqualTo(20);
        assertThat(second.to()).isEqualTo(LocalDate.of(2026, 8, 31));
        BenefitReductionImposed third = (BenefitReductionImposed) DECIDER.decide(breach(LocalDate.of(2026, 9, 2), LocalDate.of(2026, 9, 10),
                LocalDate.of(2026, 10, 1), false), given(APPLIED, decided(), first, second)).get(0);
        assertThat(third.percent()).isEqualTo(30);
        assertThat(third.to()).isEqualTo(LocalDate.of(2026, 12, 31));
        EntitlementDecided d = decided();
        EntitlementDecided next = new EntitlementDecided(UUID.randomUUID(), new de.auseinerhand.events.benefits.Period(LocalDate.of(2027, 3, 1),
                LocalDate.of(2028, 2, 29)), false, d.ruleSet(), d.perPerson(), d.total(), d.federalShare(), d.municipalShare(), null, null, null);
        BenefitReductionImposed later = (BenefitReductionImposed) DECIDER.decide(breach(LocalDate.of(2027, 5, 2), LocalDate.of(2027, 5, 10),
                LocalDate.of(2027, 6, 1), false), given(APPLIED, d, next, first)).get(0);
        assertThat(later.percent()).as("the first breach lies more than a year back").isEqualTo(10);
    }

    @Test
    @DisplayName("§ 32: a missed appointment is 10 % for one month and is no breach level")
    void missedAppointment() {
        BenefitReductionImposed missed = (BenefitReductionImposed) DECIDER.decide(new BenefitCommand.ImposeReduction(HEAD, "MISSED_APPOINTMENT",
                true, LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 10), LocalDate.of(2026, 5, 1), true, false, RULES), given(APPLIED, decided()))
                .get(0);
        assertThat(missed.percent()).isEqualTo(10);
        assertThat(missed.ground()).startsWith("§ 32");
        BenefitReductionImposed breach = (BenefitReductionImposed) DECIDER.decide(breach(LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 10),
                LocalDate.of(2026, 6, 1), false), given(APPLIED, decided(), missed)).get(0);
        assertThat(breach.percent()).isEqualTo(10);
    }

    static final RuleSet.Reductions RULES_2026_07 = CALCULATOR.ruleSets().forMonth(YearMonth.of(2026, 7)).reductions();

    static BenefitCommand.ImposeReduction underNewLaw(String kind, LocalDate occurred, LocalDate from) {
        return new BenefitCommand.ImposeReduction(HEAD, kind, kind.equals("MISSED_APPOINTMENT"), occurred, occurred.plusDays(8), from, true,
                false, RULES_2026_07);
    }

    @Test
    @DisplayName("13th amending act (from 2026-07): every breach 30 % for three months; refusing a job withdraws the standard need for two months")
    void reductionsFromJuly2026() {
        BenefitReductionImposed first = (BenefitReductionImposed) DECIDER.decide(underNewLaw("BROKE_OFF_MEASURE", LocalDate.of(2026, 7, 2),
                LocalDate.of(2026, 8, 1)), given(APPLIED, decided())).get(0);
        assertThat(first.percent()).isEqualTo(30);
        assertThat(first.to()).isEqualTo(LocalDate.of(2026, 10, 31));
        BenefitReductionImposed second = (BenefitReductionImposed) DECIDER.decide(underNewLaw("INSUFFICIENT_OWN_EFFORTS", LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 12, 1)), given(APPLIED, decided(), first)).get(0);
        assertThat(second.percent()).as("no steps any more").isEqualTo(30);
        assertThat(second.to()).isEqualTo(LocalDate.of(2027, 2, 28));
        BenefitReductionImposed refusal = (BenefitReductionImposed) DECIDER.decide(underNewLaw("REFUSED_REASONABLE_OFFER", LocalDate.of(2026, 7, 2),
                LocalDate.of(2026, 8, 1)), given(APPLIED, decided())).get(0);
        assertThat(refusal.percent()).isEqualTo(100);
        assertThat(refusal.to()).isEqualTo(LocalDate.of(2026, 9, 30));
    }

    @Test
    @DisplayName("13th amending act: the first missed appointment costs nothing, the second 30 % for a month, the third the standard need")
    void missedAppointmentsFromJuly2026() {
        List<EventData> history = new ArrayList<>(List.of(APPLIED, decided()));
        int[] expected = {0, 30, 100};
        for (int n = 0; n < 3; n++) {
            LocalDate on = LocalDate.of(2026, 7 + n, 3);
            BenefitReductionImposed missed = (BenefitReductionImposed) DECIDER.decide(underNewLaw("MISSED_APPOINTMENT", on,
                    on.plusMonths(1).withDayOfMonth(1)), DECIDER.fold(history)).get(0);
            assertThat(missed.percent()).as("missed appointment %d", n + 1).isEqualTo(expected[n]);
            assertThat(missed.ground()).startsWith("§ 32").contains("missed appointment " + (n + 1));
            history.add(missed);
        }
    }

    @Test
    @DisplayName("§ 24 SGB X, § 15a: no reduction without a hearing, before it, or while a cooperation-plan dispute runs; lifted on compliance")
    void reductionPreconditions() {
        BenefitState s = given(APPLIED, decided());
        rejected(() -> DECIDER.decide(breach(LocalDate.of(2026, 4, 2), null, LocalDate.of(2026, 5, 1), false), s), "hearing-required");
        rejected(() -> DECIDER.decide(breach(LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1), false), s),
                "hearing-before-breach");
        rejected(() -> DECIDER.decide(breach(LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 20), LocalDate.of(2026, 4, 10), false), s),
                "reduction-before-hearing");
        rejected(() -> DECIDER.decide(breach(LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 10), LocalDate.of(2026, 5, 1), true), s),
                "dispute-running");
        BenefitReductionImposed imposed = (BenefitReductionImposed) DECIDER.decide(breach(LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 10),
                LocalDate.of(2026, 5, 1), false), s).get(0);
        BenefitReductionLifted lifted = (BenefitReductionLifted) DECIDER.decide(new BenefitCommand.LiftReduction(HEAD, LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 5, 14), "applied for the offered job"), given(APPLIED, decided(), imposed)).get(0);
        BenefitState after = given(APPLIED, decided(), imposed, lifted);
        assertThat(after.reductions().get(0).daysIn(YearMonth.of(2026, 5))).isEqualTo(14);
        rejected(() -> DECIDER.decide(new BenefitCommand.LiftReduction(HEAD, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 14), "x"),
                given(APPLIED, decided(), imposed)), "unknown-reduction");
    }

    static void rejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CommandRejected.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
