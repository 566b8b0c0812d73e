package de.auseinerhand.benefits.domain.decision;

import static org.assertj.core.api.Assertions.assertThat;

import de.auseinerhand.benefits.domain.calculation.CalculationSheet;
import de.auseinerhand.benefits.domain.calculation.EntitlementCalculator;
import de.auseinerhand.benefits.domain.calculation.Money;
import de.auseinerhand.benefits.infrastructure.RuleFiles;
import de.auseinerhand.events.registry.HealthFacts;
import de.auseinerhand.events.registry.PersonRole;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Facts recorded in the registry that change the amount (§ 21(2), (3), (5), (7) SGB II), from registry facts to the
 * calculated month. Every expected amount is worked out by hand below from the law and the 2026 standard need of 563.00
 * (benefit-rules.md), not from the calculator's own tables.
 */
class CircumstancesTest {
    static final EntitlementCalculator CALCULATOR = new EntitlementCalculator(RuleFiles.ruleSets(), RuleFiles.adequacyLimits());
    static final Instant T = Instant.parse("2025-12-15T10:00:00Z");
    static final String MESCHEDE = "05958032";
    static final LocalDate OPENED = LocalDate.of(2026, 1, 1);

    final UUID head = UUID.randomUUID();
    final List<CaseFacts.PersonFact> persons = new ArrayList<>();
    final List<CaseFacts.CircumstanceFact> circumstances = new ArrayList<>();

    CircumstancesTest() {
        persons.add(new CaseFacts.PersonFact(head, PersonRole.HEAD, YearMonth.of(1999, 3), true, false, OPENED, null));
    }

    final List<CaseFacts.IncomeFact> incomes = new ArrayList<>();
    final List<CaseFacts.AssetFact> assets = new ArrayList<>();

    CaseFacts facts(boolean decentralHotWater) {
        return new CaseFacts("c-1", OPENED, null, List.of(new CaseFacts.MunicipalityFrom(OPENED, MESCHEDE, T)), persons, incomes,
                List.of(new CaseFacts.HousingFact(OPENED, new BigDecimal("400.00"), new BigDecimal("80.00"), BigDecimal.ZERO, 1, T,
                        decentralHotWater)),
                assets, circumstances);
    }

    CalculationSheet month(String month) {
        return month(month, false);
    }

    CalculationSheet month(String month, boolean decentralHotWater) {
        return CALCULATOR.calculate(facts(decentralHotWater).householdIn(YearMonth.parse(month), 3));
    }

    void record(UUID person, LocalDate from, HealthFacts health, Boolean singleParent, List<UUID> parents, int secondsLater) {
        circumstances.add(new CaseFacts.CircumstanceFact(person, from, parents, singleParent, false, false, false, health,
                T.plusSeconds(secondsLater)));
    }

    static Optional<CalculationSheet.Line> line(CalculationSheet s, String personId, String item) {
        return s.members().stream().filter(m -> m.memberId().equals(personId)).findFirst().orElseThrow()
                .needs().stream().filter(l -> l.item().equals(item)).findFirst();
    }

    static Money eur(String s) {
        return Money.of(new BigDecimal(s));
    }

    @Test
    void pregnancyNeedRunsByDayFromThe13thWeekToTheEndOfTheMonthOfDelivery() {
        // expected delivery 20 Sep 2026: 40 weeks from the last period, the 13th week begins after 12 weeks = 28 weeks
        // (196 days) before delivery: 20 Sep − 196 days = 8 Mar 2026 (Sep 20 → Mar 20 is 184 days, 12 more)
        record(head, OPENED, new HealthFacts(LocalDate.of(2026, 9, 20), null, false, false, null), null, List.of(), 0);

        assertThat(line(month("2026-02"), head.toString(), "ADDITIONAL_NEED_PREGNANCY")).as("before the 13th week").isEmpty();

        // March: 17 % of 563.00 = 95.71; from 8 to 31 March = 24 days of the 30-day month (§ 41(1)): 95.71 × 24 / 30 = 76.568
        CalculationSheet march = month("2026-03");
        assertThat(line(march, head.toString(), "ADDITIONAL_NEED_PREGNANCY")).get()
                .extracting(CalculationSheet.Line::amount).isEqualTo(eur("76.57"));
        // 563.00 + 76.57 + rent 400 + heating 80 (within Meschede's 1-person limits 420 / 95)
        assertThat(march.totals().entitlement()).isEqualTo(eur("1119.57"));

        assertThat(line(month("2026-04"), head.toString(), "ADDITIONAL_NEED_PREGNANCY")).get()
                .extracting(CalculationSheet.Line::amount).isEqualTo(eur("95.71"));
        assertThat(line(month("2026-09"), head.toString(), "ADDITIONAL_NEED_PREGNANCY")).as("the month of delivery, whole").get()
                .extracting(CalculationSheet.Line::amount).isEqualTo(eur("95.71"));
        assertThat(line(month("2026-10"), head.toString(), "ADDITIONAL_NEED_PREGNANCY")).as("after the month of delivery").isEmpty();
    }

    @Test
    void anEarlyDeliveryEndsTheNeedWithItsMonthAndALateRecordingStartsItOnItsOwnDate() {
        // recorded only from 15 April (the need could have started 8 March), delivered on 30 July
        record(head, LocalDate.of(2026, 4, 15), new HealthFacts(LocalDate.of(2026, 9, 20), null, false, false, null), null, List.of(), 0);
        record(head, LocalDate.of(2026, 7, 30), new HealthFacts(LocalDate.of(2026, 9, 20), LocalDate.of(2026, 7, 30), false, false, null),
                null, List.of(), 60);

        assertThat(line(month("2026-03"), head.toString(), "ADDITIONAL_NEED_PREGNANCY")).isEmpty();
        // 15 to 30 April = 16 days: 95.71 × 16 / 30 = 51.045 → 51.05
        assertThat(line(month("2026-04"), head.toString(), "ADDITIONAL_NEED_PREGNANCY")).get()
                .extracting(CalculationSheet.Line::amount).isEqualTo(eur("51.05"));
        assertThat(line(month("2026-07"), head.toString(), "ADDITIONAL_NEED_PREGNANCY")).get()
                .extracting(CalculationSheet.Line::amount).isEqualTo(eur("95.71"));
        assertThat(line(month("2026-08"), head.toString(), "ADDITIONAL_NEED_PREGNANCY")).as("delivered in July").isEmpty();
    }

    @Test
    void aCostlyDietAndDecentralHotWaterAreAddedAndAnErasedKeyLeavesNoHealthNeed() {
        record(head, OPENED, new HealthFacts(null, null, false, false, new BigDecimal("45.00")), null, List.of(), 0);
        CalculationSheet s = month("2026-05", true);
        assertThat(line(s, head.toString(), "ADDITIONAL_NEED_DIET")).get().extracting(CalculationSheet.Line::amount).isEqualTo(eur("45.00"));
        // § 21(7): 2.3 % of 563.00 = 12.949 → 12.95
        assertThat(line(s, head.toString(), "ADDITIONAL_NEED_HOT_WATER")).get().extracting(CalculationSheet.Line::amount)
                .isEqualTo(eur("12.95"));
        // 563.00 + 45.00 + 12.95 + 480.00
        assertThat(s.totals().entitlement()).isEqualTo(eur("1100.95"));

        // the person's key erased: the health facts can no longer be read (null), so no health need is paid
        circumstances.clear();
        record(head, OPENED, null, null, List.of(), 0);
        CalculationSheet erased = month("2026-05");
        assertThat(line(erased, head.toString(), "ADDITIONAL_NEED_DIET")).isEmpty();
        assertThat(erased.totals().entitlement()).isEqualTo(eur("1043.00"));
    }

    @Test
    void singleParentIsDerivedFromTheHouseholdUnlessRecorded() {
        UUID child = UUID.randomUUID();
        persons.add(new CaseFacts.PersonFact(child, PersonRole.CHILD, YearMonth.of(2021, 2), false, false, OPENED, null));
        // § 21(3) Nr. 1: one child under 7 → 36 % of 563.00 = 202.68
        assertThat(line(month("2026-05"), head.toString(), "ADDITIONAL_NEED_SINGLE_PARENT")).get()
                .extracting(CalculationSheet.Line::amount).isEqualTo(eur("202.68"));

        // a partner moves in on 1 June: not alone any more from June
        UUID partner = UUID.randomUUID();
        persons.add(new CaseFacts.PersonFact(partner, PersonRole.PARTNER, YearMonth.of(1998, 1), true, false, LocalDate.of(2026, 6, 1), null));
        assertThat(line(month("2026-06"), head.toString(), "ADDITIONAL_NEED_SINGLE_PARENT")).isEmpty();
        persons.remove(2);

        // recorded explicitly for the head (e.g. the other parent shares the care half of the time): as recorded, from its date
        record(head, LocalDate.of(2026, 5, 1), null, false, List.of(), 10);
        assertThat(line(month("2026-05"), head.toString(), "ADDITIONAL_NEED_SINGLE_PARENT")).isEmpty();
        assertThat(line(month("2026-04"), head.toString(), "ADDITIONAL_NEED_SINGLE_PARENT")).as("before the recording").isPresent();

        // the child's recorded parent is someone else in the case (not the head): the head is not its single parent
        circumstances.clear();
        UUID aunt = UUID.randomUUID();
        persons.add(new CaseFacts.PersonFact(aunt, PersonRole.OTHER, YearMonth.of(1990, 1), true, false, OPENED, null));
        record(child, OPENED, null, null, List.of(aunt), 0);
        assertThat(line(month("2026-05"), head.toString(), "ADDITIONAL_NEED_SINGLE_PARENT")).isEmpty();
    }

    @Test
    void anOwnerOccupiedFlatOfAdequateSizeIsNotCountedAsAnAsset() {
        // a flat worth 150,000 is far above any allowance (§ 12(3), (4): 40,000 for the first member in the waiting period)
        assets.add(new CaseFacts.AssetFact(head, de.auseinerhand.events.registry.AssetKind.REAL_ESTATE, new BigDecimal("150000.00"), OPENED, T,
                false, null, false, false));
        assertThat(month("2026-05").totals().entitlement()).as("let, not lived in: counts").isEqualTo(eur("0.00"));
        // lived in, 70 m² (within the 130 m² of § 12(1) S. 2 Nr. 5 for a flat): exempt, 563.00 + 480.00
        assets.clear();
        assets.add(new CaseFacts.AssetFact(head, de.auseinerhand.events.registry.AssetKind.REAL_ESTATE, new BigDecimal("150000.00"), OPENED, T,
                true, 70, false, false));
        assertThat(month("2026-05").totals().entitlement()).isEqualTo(eur("1043.00"));
    }

    @Test
    void parentalAllowanceAfterEarnedIncomeStaysFreeUpTo300() {
        // § 10(5) S. 2 BEEG: up to 300 € of parental allowance are left free for a parent who worked before the birth
        incomes.add(new CaseFacts.IncomeFact(head, de.auseinerhand.events.registry.IncomeKind.PARENTAL_ALLOWANCE, YearMonth.of(2026, 1), null,
                new BigDecimal("300.00"), new BigDecimal("300.00"), BigDecimal.ZERO, T, true));
        assertThat(month("2026-05").totals().entitlement()).isEqualTo(eur("1043.00"));
        incomes.clear();
        incomes.add(new CaseFacts.IncomeFact(head, de.auseinerhand.events.registry.IncomeKind.PARENTAL_ALLOWANCE, YearMonth.of(2026, 1), null,
                new BigDecimal("300.00"), new BigDecimal("300.00"), BigDecimal.ZERO, T, false));
        assertThat(month("2026-05").totals().entitlement()).as("without earnings before the birth it counts")
                .isLessThan(eur("1043.00"));
    }
}
