package de.auseinerhand.benefits.domain.calculation;

import static de.auseinerhand.benefits.domain.calculation.HouseholdBuilder.eur;
import static de.auseinerhand.benefits.domain.calculation.HouseholdBuilder.household;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.auseinerhand.benefits.domain.calculation.CalculationSheet.Line;
import de.auseinerhand.benefits.domain.calculation.CalculationSheet.MemberPart;
import de.auseinerhand.benefits.infrastructure.RuleFiles;
import de.auseinerhand.events.registry.AssetKind;
import de.auseinerhand.events.registry.IncomeKind;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Worked household examples, computed by hand from {@code benefit-rules.md}; each names the
 * paragraph it exercises. Amounts in euros; the housing limits are Meschede's example data
 * (2023: 1 person 420/95, 2 persons 510/120, 3 persons 610/145, 4 persons 710/170; 2025: 2 persons 535/126, 3 persons 640/152).
 */
class WorkedExamplesTest {

    static final EntitlementCalculator CALCULATOR = new EntitlementCalculator(RuleFiles.ruleSets(), RuleFiles.adequacyLimits());

    static CalculationSheet calc(HouseholdBuilder h) {
        CalculationSheet sheet = CALCULATOR.calculate(h.build());
        SheetInvariants.check(sheet);
        return sheet;
    }

    static void totals(CalculationSheet s, String entitlement, String llu, String kdu) {
        assertThat(s.totals().entitlement()).as("entitlement").isEqualTo(eur(entitlement));
        assertThat(s.totals().llu()).as("LLU").isEqualTo(eur(llu));
        assertThat(s.totals().kdu()).as("KdU").isEqualTo(eur(kdu));
    }

    static MemberPart member(CalculationSheet s, String id) {
        return s.members().stream().filter(m -> m.memberId().equals(id)).findFirst().orElseThrow();
    }

    static Optional<Line> line(MemberPart m, String item) {
        return m.needs().stream().filter(l -> l.item().equals(item)).findFirst();
    }

    @Nested
    @DisplayName("benefit-rules.md examples")
    class Pinned {
        @Test
        @DisplayName("§ 20(2), § 22: single adult, no income, rent 400 + heating 80 (2024) = 1,043.00")
        void singleNoIncome() {
            CalculationSheet s = calc(household("2024-03").head(35).and().rent(400, 80));
            totals(s, "1043.00", "563.00", "480.00");
            assertThat(s.ruleSet()).isEqualTo("2024-01");
            assertThat(s.approvalPeriod().months()).isEqualTo(12);
        }

        @Test
        @DisplayName("§ 11b(2), (3), § 19(3): single adult, gross 800 / net 640 (2024) = 671.00, LLU 191, KdU 480")
        void singleWithWage() {
            CalculationSheet s = calc(household("2024-03").head(35).wage("800", "640").and().rent(400, 80));
            totals(s, "671.00", "191.00", "480.00");
            MemberPart head = member(s, "head");
            assertThat(head.ownCountableIncome()).isEqualTo(eur("372.00"));
            assertThat(head.incomes().get(0).lines()).extracting(Line::item, Line::amount).contains(
                    org.assertj.core.groups.Tuple.tuple("ALLOWANCE_BASIC", eur("-100.00")),
                    org.assertj.core.groups.Tuple.tuple("ALLOWANCE_20_PERCENT", eur("-84.00")),
                    org.assertj.core.groups.Tuple.tuple("ALLOWANCE_30_PERCENT", eur("-84.00")));
        }

        @Test
        @DisplayName("§ 21(3), § 11(1) S. 5: single parent, child 4, rent 500 + heating 100, child benefit 250 (2024) = 1,492.68")
        void singleParent() {
            CalculationSheet s = calc(household("2024-03").head(30).singleParent().and().child("c", 4).childBenefit("250").and()
                    .rent(500, 100));
            totals(s, "1492.68", "892.68", "600.00");
            assertThat(line(member(s, "head"), "ADDITIONAL_NEED_SINGLE_PARENT").orElseThrow().amount()).isEqualTo(eur("202.68"));
            assertThat(member(s, "c").entitlement()).isEqualTo(eur("427.00"));
            assertThat(member(s, "head").entitlement()).isEqualTo(eur("1065.68"));
        }
    }

    @Nested
    @DisplayName("earned income allowance, § 11b(2), (3)")
    class EarnedIncome {
        @Test
        @DisplayName("before 2023-07: 20 % of 100-1,000 → single, gross 800 / net 640 (2023-03) = 582.00")
        void oldRegime() {
            CalculationSheet s = calc(household("2023-03").head(35).wage("800", "640").and().rent(400, 80));
            assertThat(member(s, "head").ownCountableIncome()).isEqualTo(eur("400.00"));
            totals(s, "582.00", "102.00", "480.00");
            assertThat(s.ruleSet()).isEqualTo("2023-01");
        }

        @Test
        @DisplayName("from 2023-07: 20 % of 100-520 and 30 % of 520-1,000 → same household (2023-08) = 610.00")
        void newRegime() {
            CalculationSheet s = calc(household("2023-08").head(35).wage("800", "640").and().rent(400, 80));
            assertThat(member(s, "head").ownCountableIncome()).isEqualTo(eur("372.00"));
            totals(s, "610.00", "130.00", "480.00");
            assertThat(s.ruleSet()).isEqualTo("2023-07");
        }

        @Test
        @DisplayName("before 2023-07 the allowance tops out at 300 € without a child: gross 1,500 / net 1,100 (2023-03) = 182.00")
        void oldRegimeCeiling() {
            CalculationSheet s = calc(household("2023-03").head(35).wage("1500", "1100").and().rent(400, 80));
            assertThat(member(s, "head").ownCountableIncome()).isEqualTo(eur("800.00"));
            totals(s, "182.00", "0.00", "182.00");
        }

        @Test
        @DisplayName("§ 11b(3) S. 3: 1,500 ceiling with a minor child outside the case: allowance 378 instead of 348")
        void ceilingWithChildOutsideCase() {
            CalculationSheet with = calc(household("2024-03").head(40).wage("1500", "1100").hasMinorChildOutsideCase().and().rent(400, 80));
            CalculationSheet without = calc(household("2024-03").head(40).wage("1500", "1100").and().rent(400, 80));
            totals(with, "321.00", "0.00", "321.00");
            totals(without, "291.00", "0.00", "291.00");
        }

        @Test
        @DisplayName("§ 9(2) S. 3, § 11b(3): single parent, gross 2,000 / net 1,400, child 10 (2024) = 368.56 split by need shares")
        void singleParentWithWage() {
            CalculationSheet s = calc(household("2024-03").head(40).singleParent().wage("2000", "1400").and()
                    .child("c", 10).childBenefit("250").and().rent(500, 100));
            assertThat(member(s, "head").ownCountableIncome()).isEqualTo(eur("1022.00"));
            assertThat(line(member(s, "head"), "ADDITIONAL_NEED_SINGLE_PARENT").orElseThrow().amount()).isEqualTo(eur("67.56"));
            assertThat(member(s, "head").entitlement()).isEqualTo(eur("246.64"));
            assertThat(member(s, "c").entitlement()).isEqualTo(eur("121.92"));
            totals(s, "368.56", "0.00", "368.56");
        }

        @Test
        @DisplayName("§ 9(2) S. 3: couple with children 8 and 15, gross 2,500 / net 1,800 (2024) = 791.00")
        void familyWithWage() {
            CalculationSheet s = calc(household("2024-03").head(40).wage("2500", "1800").and().partner(38).and()
                    .child("c8", 8).childBenefit("250").and().child("c15", 15).childBenefit("250").and().rent(650, 150));
            assertThat(member(s, "head").entitlement()).isEqualTo(eur("252.35"));
            assertThat(member(s, "partner").entitlement()).isEqualTo(eur("252.35"));
            assertThat(member(s, "c8").entitlement()).isEqualTo(eur("128.67"));
            assertThat(member(s, "c15").entitlement()).isEqualTo(eur("157.63"));
            totals(s, "791.00", "104.70", "686.30");
        }

        @Test
        @DisplayName("§ 11b(2b): under-25 in training keeps earnings up to the minijob threshold (538 in 2024) = 1,360.60")
        void trainingExemption() {
            CalculationSheet s = calc(household("2024-03").head(45).and().child("c", 19).inEducation()
                    .income(IncomeKind.TRAINING_ALLOWANCE, "800", "640").childBenefit("250").and().rent(500, 100));
            assertThat(member(s, "c").ownCountableIncome()).isEqualTo(eur("273.40"));
            assertThat(member(s, "c").lluEntitlement()).isEqualTo(eur("197.60"));
            totals(s, "1360.60", "760.60", "600.00");
        }

        @Test
        @DisplayName("§ 11b(2b) applies only from 2023-07: the same trainee in 2023-03 gets the regular allowance = 874.00")
        void trainingExemptionNotBeforeJuly2023() {
            CalculationSheet s = calc(household("2023-03").head(45).and().child("c", 19).inEducation()
                    .income(IncomeKind.TRAINING_ALLOWANCE, "800", "640").childBenefit("250").and().rent(500, 100));
            assertThat(member(s, "c").ownCountableIncome()).isEqualTo(eur("650.00"));
            totals(s, "874.00", "502.00", "372.00");
        }

        @Test
        @DisplayName("§ 19(3): income above the whole need → no entitlement")
        void incomeAboveNeed() {
            CalculationSheet s = calc(household("2024-03").head(35).wage("3000", "2100").and().rent(400, 80));
            totals(s, "0.00", "0.00", "0.00");
            assertThat(s.entitled()).isFalse();
        }
    }

    @Nested
    @DisplayName("other income, § 11, § 11b, Bürgergeld-V, BEEG")
    class OtherIncome {
        @Test
        @DisplayName("§ 11b(1) Nr. 3 with § 6 Bürgergeld-V: pension 700, contributions 80, minus 30 € flat rate = 453.00, all KdU")
        void pension() {
            CalculationSheet s = calc(household("2024-03").head(64).income(IncomeKind.PENSION, "700", "620").and().rent(400, 80));
            assertThat(member(s, "head").ownCountableIncome()).isEqualTo(eur("590.00"));
            totals(s, "453.00", "0.00", "453.00");
        }

        @Test
        @DisplayName("§ 10(5) BEEG: 300 € parental allowance is free after earnings before the birth = 1,492.68")
        void parentalAllowanceFree() {
            CalculationSheet s = calc(household("2024-03").head(30).singleParent().parentalAllowance("300", true).and()
                    .child("baby", 0).childBenefit("250").and().rent(500, 100));
            totals(s, "1492.68", "892.68", "600.00");
        }

        @Test
        @DisplayName("§ 10(5) BEEG: parental allowance 500 after earnings → 200 counts, minus 30 € flat = 1,322.68")
        void parentalAllowancePartlyFree() {
            CalculationSheet s = calc(household("2024-03").head(30).singleParent().parentalAllowance("500", true).and()
                    .child("baby", 0).childBenefit("250").and().rent(500, 100));
            totals(s, "1322.68", "722.68", "600.00");
        }

        @Test
        @DisplayName("§ 10(5) BEEG: parental allowance 300 without earnings before the birth counts in full (minus 30 €) = 1,222.68")
        void parentalAllowanceCounted() {
            CalculationSheet s = calc(household("2024-03").head(30).singleParent().parentalAllowance("300", false).and()
                    .child("baby", 0).childBenefit("250").and().rent(500, 100));
            totals(s, "1222.68", "622.68", "600.00");
        }

        @Test
        @DisplayName("§ 11(1) S. 4, UVG: advance maintenance 230 + child benefit 250 cover the child's LLU first = 1,160.56")
        void advanceMaintenance() {
            CalculationSheet s = calc(household("2024-03").head(30).singleParent().and().child("c", 8).income(IncomeKind.UVG, "230")
                    .childBenefit("250").and().rent(500, 100));
            assertThat(member(s, "c").lluEntitlement()).isEqualTo(eur("0.00"));
            assertThat(member(s, "c").kduEntitlement()).isEqualTo(eur("230.00"));
            totals(s, "1160.56", "630.56", "530.00");
        }

        @Test
        @DisplayName("§ 6 Bürgergeld-V: an adult child's child benefit minus the 30 € flat rate = 1,414.00")
        void adultChildFlatRate() {
            CalculationSheet s = calc(household("2024-03").head(50).and().child("c", 20).childBenefit("250").and().rent(500, 100));
            assertThat(member(s, "c").ownCountableIncome()).isEqualTo(eur("220.00"));
            totals(s, "1414.00", "814.00", "600.00");
        }
    }

    @Nested
    @DisplayName("children, § 7(3) Nr. 4 and § 11(1) S. 5")
    class Children {
        @Test
        @DisplayName("a child whose own income covers its need leaves the case; 59 € unused child benefit go to the mother = 901.56")
        void childLeavesCase() {
            CalculationSheet s = calc(household("2024-03").head(40).singleParent().and().child("c", 17)
                    .income(IncomeKind.MAINTENANCE, "600").childBenefit("250").and().rent(500, 100));
            MemberPart child = member(s, "c");
            assertThat(child.inCase()).isFalse();
            assertThat(child.caseNote()).contains("§ 7(3) Nr. 4");
            assertThat(child.entitlement()).isEqualTo(Money.ZERO);
            assertThat(member(s, "head").ownCountableIncome()).isEqualTo(eur("29.00"));
            totals(s, "901.56", "601.56", "300.00");
        }

        @Test
        @DisplayName("surplus of child benefit 159 € (maintenance 700) counts for the mother = 801.56")
        void childBenefitSurplus() {
            CalculationSheet s = calc(household("2024-03").head(40).singleParent().and().child("c", 16)
                    .income(IncomeKind.MAINTENANCE, "700").childBenefit("250").and().rent(500, 100));
            totals(s, "801.56", "501.56", "300.00");
        }

        @Test
        @DisplayName("only child benefit passes to the parent, never the child's maintenance: surplus capped at 250 = 710.56")
        void surplusCappedAtChildBenefit() {
            CalculationSheet s = calc(household("2024-03").head(40).singleParent().and().child("c", 16)
                    .income(IncomeKind.MAINTENANCE, "900").childBenefit("250").and().rent(500, 100));
            assertThat(member(s, "head").incomes()).anySatisfy(i -> assertThat(i.countable()).isEqualTo(eur("220.00")));
            totals(s, "710.56", "410.56", "300.00");
        }

        @Test
        @DisplayName("§ 20(4), § 23: couple with children 8 and 15, no income but child benefit (2024) = 2,213.00")
        void family() {
            CalculationSheet s = calc(household("2024-03").head(40).and().partner(38).and()
                    .child("c8", 8).childBenefit("250").and().child("c15", 15).childBenefit("250").and().rent(650, 150));
            assertThat(member(s, "c8").entitlement()).isEqualTo(eur("360.00"));
            assertThat(member(s, "c15").entitlement()).isEqualTo(eur("441.00"));
            totals(s, "2213.00", "1413.00", "800.00");
        }

        @Test
        @DisplayName("§ 23 Nr. 1: the new level applies from the month after the sixth birthday (born 2018-03-15)")
        void levelChangesMonthAfterBirthday() {
            CalculationSheet march = calc(household("2024-03").head(30).singleParent().and().child("c", 0).born("2018-03-15").and().rent(500, 100));
            CalculationSheet april = calc(household("2024-04").head(30).singleParent().and().child("c", 0).born("2018-03-15").and().rent(500, 100));
            assertThat(member(march, "c").level()).isEqualTo(6);
            assertThat(line(member(march, "c"), "STANDARD_NEED").orElseThrow().amount()).isEqualTo(eur("357.00"));
            assertThat(member(april, "c").level()).isEqualTo(5);
            assertThat(line(member(april, "c"), "STANDARD_NEED").orElseThrow().amount()).isEqualTo(eur("390.00"));
        }

        @Test
        @DisplayName("§ 23 Nr. 1: born on the first of a month, the level still changes only from the following month")
        void bornOnFirstOfMonth() {
            CalculationSheet march = calc(household("2024-03").head(30).and().child("c", 0).born("2010-03-01").and().rent(500, 100));
            CalculationSheet april = calc(household("2024-04").head(30).and().child("c", 0).born("2010-03-01").and().rent(500, 100));
            assertThat(member(march, "c").level()).isEqualTo(5);
            assertThat(member(april, "c").level()).isEqualTo(4);
        }

        @Test
        @DisplayName("§ 72: the child supplement rises to 25 € in 2025; couple with child 3, child benefit 255 = 1,859.00")
        void childSupplement2025() {
            CalculationSheet s = calc(household("2025-03").head(33).and().partner(31).and().child("c", 3).childBenefit("255").and()
                    .rent(600, 120));
            assertThat(line(member(s, "c"), "CHILD_SUPPLEMENT").orElseThrow().amount()).isEqualTo(eur("25.00"));
            totals(s, "1859.00", "1139.00", "720.00");
        }

        @Test
        @DisplayName("2026: child benefit 259; single parent with child 2 = 1,488.68")
        void year2026() {
            CalculationSheet s = calc(household("2026-03").head(28).singleParent().and().child("c", 2).childBenefit("259").and()
                    .rent(500, 100));
            assertThat(s.ruleSet()).isEqualTo("2026-01");
            totals(s, "1488.68", "888.68", "600.00");
        }
    }

    @Nested
    @DisplayName("additional needs, § 21 and § 23 Nr. 4")
    class AdditionalNeeds {
        @Test
        @DisplayName("§ 21(3): four children under 16 → 12 % each = 48 % (270.24)")
        void singleParentFourChildren() {
            CalculationSheet s = calc(household("2024-03").head(42).singleParent().and().child("a", 8).and().child("b", 10).and()
                    .child("c", 12).and().child("d", 14).and().rent(700, 160));
            assertThat(line(member(s, "head"), "ADDITIONAL_NEED_SINGLE_PARENT").orElseThrow().amount()).isEqualTo(eur("270.24"));
        }

        @Test
        @DisplayName("§ 21(3): two children under 16 → 36 % (202.68), more than 2 × 12 %")
        void singleParentTwoChildren() {
            CalculationSheet s = calc(household("2024-03").head(42).singleParent().and().child("a", 8).and().child("b", 10).and()
                    .rent(600, 140));
            assertThat(line(member(s, "head"), "ADDITIONAL_NEED_SINGLE_PARENT").orElseThrow().amount()).isEqualTo(eur("202.68"));
        }

        @Test
        @DisplayName("§ 21(3): five children → at most 60 % (337.80)")
        void singleParentCap() {
            CalculationSheet s = calc(household("2024-03").head(42).singleParent().and().child("a", 2).and().child("b", 4).and()
                    .child("c", 6).and().child("d", 9).and().child("e", 12).and().rent(800, 200));
            assertThat(line(member(s, "head"), "ADDITIONAL_NEED_SINGLE_PARENT").orElseThrow().amount()).isEqualTo(eur("337.80"));
        }

        @Test
        @DisplayName("§ 21(2): pregnancy after the 12th week, 17 % = 95.71 → 1,138.71")
        void pregnancy() {
            CalculationSheet s = calc(household("2024-03").head(27).pregnant().and().rent(400, 80));
            totals(s, "1138.71", "658.71", "480.00");
        }

        @Test
        @DisplayName("§ 21(8): single parent + pregnancy + disability + diet (595.44) capped at the standard need 563 = 1,853.00")
        void additionalNeedsCap() {
            CalculationSheet s = calc(household("2024-03").head(29).singleParent().pregnant().disabledWithIntegrationHelp().diet(100)
                    .and().child("c", 3).childBenefit("250").and().rent(500, 100));
            assertThat(line(member(s, "head"), "ADDITIONAL_NEED_CAP").orElseThrow().amount()).isEqualTo(eur("-32.44"));
            assertThat(member(s, "head").lluNeed()).isEqualTo(eur("1126.00"));
            totals(s, "1853.00", "1253.00", "600.00");
        }

        @Test
        @DisplayName("§ 23 Nr. 4: non-employable with disability mark G, 17 % = 1,138.71, standard need as Sozialgeld")
        void markG() {
            CalculationSheet s = calc(household("2024-03").head(50).nonEmployableWithMarkG().and().rent(400, 80));
            assertThat(line(member(s, "head"), "STANDARD_NEED").orElseThrow().paragraph()).startsWith("§ 23");
            totals(s, "1138.71", "658.71", "480.00");
        }

        @Test
        @DisplayName("§ 21(7): decentral hot water 2.3 % of 563 = 12.949 → 12.95 (half-up, § 41(2)) → 1,055.95")
        void hotWater() {
            CalculationSheet s = calc(household("2024-03").head(35).and().rent(400, 80).decentralHotWater());
            totals(s, "1055.95", "575.95", "480.00");
        }

        @Test
        @DisplayName("§ 21(7): hot water rates by level: 0.8 % of 357 = 2.86, 1.2 % of 390 = 4.68, 1.4 % of 471 = 6.59")
        void hotWaterByLevel() {
            CalculationSheet s = calc(household("2024-03").head(45).and().child("a", 3).and().child("b", 9).and().child("c", 15).and()
                    .rent(650, 150).decentralHotWater());
            assertThat(line(member(s, "a"), "ADDITIONAL_NEED_HOT_WATER").orElseThrow().amount()).isEqualTo(eur("2.86"));
            assertThat(line(member(s, "b"), "ADDITIONAL_NEED_HOT_WATER").orElseThrow().amount()).isEqualTo(eur("4.68"));
            assertThat(line(member(s, "c"), "ADDITIONAL_NEED_HOT_WATER").orElseThrow().amount()).isEqualTo(eur("6.59"));
        }

        @Test
        @DisplayName("§ 20(3): under 25 and moved out without consent → level 3 (451 + § 72 supplement 20) = 951.00")
        void movedOutWithoutConsent() {
            CalculationSheet s = calc(household("2024-03").head(22).movedOutWithoutConsent().and().rent(400, 80));
            assertThat(member(s, "head").level()).isEqualTo(3);
            totals(s, "951.00", "471.00", "480.00");
        }
    }

    @Nested
    @DisplayName("housing costs, § 22")
    class Housing {
        @Test
        @DisplayName("waiting period: rent 550 above the limit 420 is recognised in month 6 = 1,193.00, approval period 6 months")
        void waitingPeriod() {
            CalculationSheet s = calc(household("2024-03").head(35).and().rent(550, 80).monthsOfReceipt(5));
            totals(s, "1193.00", "563.00", "630.00");
            assertThat(s.housing().waitingPeriod()).isTrue();
            assertThat(s.approvalPeriod().months()).isEqualTo(6);
        }

        @Test
        @DisplayName("§ 22(1) S. 7: after the waiting period the actual rent is paid while the cost-reduction procedure runs = 1,193.00")
        void costReductionProcedure() {
            CalculationSheet s = calc(household("2024-03").head(35).and().rent(550, 80).monthsOfReceipt(14).costReductionMonths(3));
            totals(s, "1193.00", "563.00", "630.00");
        }

        @Test
        @DisplayName("after the waiting period and six months of cost reduction the rent is capped at 420 = 1,063.00")
        void capped() {
            CalculationSheet s = calc(household("2024-03").head(35).and().rent(550, 80).monthsOfReceipt(20).costReductionMonths(6));
            totals(s, "1063.00", "563.00", "500.00");
        }

        @Test
        @DisplayName("heating is recognised only as far as adequate, also in the waiting period: 150 → 95 = 1,058.00")
        void heatingCapped() {
            CalculationSheet s = calc(household("2024-03").head(35).and().rent(400, 150));
            totals(s, "1058.00", "563.00", "495.00");
            assertThat(s.approvalPeriod().months()).isEqualTo(6);
        }

        @Test
        @DisplayName("split per head also over a person outside the case (grandmother) = 913.00")
        void personOutsideCase() {
            CalculationSheet s = calc(household("2024-03").head(35).and().other("grandmother", 70).and().rent(600, 100));
            assertThat(member(s, "grandmother").inCase()).isFalse();
            totals(s, "913.00", "563.00", "350.00");
        }

        @Test
        @DisplayName("split per head over three people living there, one member (flat share) = 793.00")
        void flatShare() {
            CalculationSheet s = calc(household("2024-03").head(35).and().rent(600, 90).persons(3));
            totals(s, "793.00", "563.00", "230.00");
        }

        @Test
        @DisplayName("an explicit adequacy limit replaces the municipality's: 350 + 60 = 973.00")
        void explicitLimit() {
            CalculationSheet s = calc(household("2024-03").head(35).and().limit(350, 60).rent(400, 80).monthsOfReceipt(20)
                    .costReductionMonths(6));
            totals(s, "973.00", "563.00", "410.00");
        }

        @Test
        @DisplayName("§ 22(1): three people share 650.00; the shares 216.67 + 216.67 + 216.66 add up to 650.00, not 650.01")
        void sharesAddUpToTheRecognisedCosts() {
            CalculationSheet s = calc(household("2026-03").head(35).and().partner(36).and().child("c", 10).and().limit(600, 100)
                    .rent(550, 100));
            assertThat(s.housing().recognised()).isEqualTo(eur("650.00"));
            assertThat(line(member(s, "head"), "HOUSING_SHARE").orElseThrow().amount()).isEqualTo(eur("216.67"));
            assertThat(line(member(s, "partner"), "HOUSING_SHARE").orElseThrow().amount()).isEqualTo(eur("216.67"));
            assertThat(line(member(s, "c"), "HOUSING_SHARE").orElseThrow().amount()).isEqualTo(eur("216.66"));
            // 2026: 2 × 506 (level 2) + 390 + 25 (level 5 with the § 72 supplement) + 650.00
            totals(s, "2077.00", "1427.00", "650.00");
        }

        @Test
        @DisplayName("§ 22(1): a member and two people outside the case share 100.00: the member's share is 33.34, the dwelling's 100.00")
        void sharesWithOtherHouseholds() {
            CalculationSheet s = calc(household("2026-03").head(35).and().limit(600, 100).rent(70, 30).persons(3));
            assertThat(line(member(s, "head"), "HOUSING_SHARE").orElseThrow().amount()).isEqualTo(eur("33.34"));
            totals(s, "596.34", "563.00", "33.34");
        }

        @Test
        @DisplayName("couple, no income, rent 500 + heating 100 (2024) = 1,612.00")
        void couple() {
            CalculationSheet s = calc(household("2024-03").head(40).and().partner(41).and().rent(500, 100));
            totals(s, "1612.00", "1012.00", "600.00");
        }
    }

    @Nested
    @DisplayName("standard need of young heads, § 20(2), (3), § 72")
    class YoungHeads {
        // 2026: level 1 563.00, level 3 451.00, level 4 471.00; § 72 supplement 25.00 on levels 3 to 6 only;
        // rent 300 + heating 60 within an explicit limit

        @Test
        @DisplayName("§ 20(2) S. 1: a 17-year-old living alone is alleinstehend: level 1, no supplement = 923.00")
        void minorAlone() {
            CalculationSheet s = calc(household("2026-03").head(17).and().limit(400, 100).rent(300, 60));
            MemberPart head = member(s, "head");
            assertThat(head.level()).isEqualTo(1);
            assertThat(line(head, "CHILD_SUPPLEMENT")).isEmpty();
            totals(s, "923.00", "563.00", "360.00");
        }

        @Test
        @DisplayName("§ 20(3) with (2) S. 2 Nr. 1: a 17-year-old moved out without the promise of § 22(5): level 4 + 25 = 856.00")
        void minorMovedOutWithoutConsent() {
            CalculationSheet s = calc(household("2026-03").head(17).movedOutWithoutConsent().and().limit(400, 100).rent(300, 60));
            assertThat(member(s, "head").level()).isEqualTo(4);
            totals(s, "856.00", "496.00", "360.00");
        }

        @Test
        @DisplayName("§ 20(3) with (2) S. 2 Nr. 2: a 20-year-old moved out without consent: level 3 + 25 = 836.00")
        void under25MovedOutWithoutConsent() {
            CalculationSheet s = calc(household("2026-03").head(20).movedOutWithoutConsent().and().limit(400, 100).rent(300, 60));
            assertThat(member(s, "head").level()).isEqualTo(3);
            totals(s, "836.00", "476.00", "360.00");
        }

        @Test
        @DisplayName("§ 20(2) S. 1: a 20-year-old who moved out with consent: level 1 = 923.00")
        void under25WithConsent() {
            CalculationSheet s = calc(household("2026-03").head(20).and().limit(400, 100).rent(300, 60));
            assertThat(member(s, "head").level()).isEqualTo(1);
            totals(s, "923.00", "563.00", "360.00");
        }
    }

    @Nested
    @DisplayName("Grundsicherungsgeld from 2026-07-01 (13th amending act; rule data with sources, docs/benefit-rules.md)")
    class NeueGrundsicherung {
        @Test
        @DisplayName("the benefit is called Grundsicherungsgeld from July 2026; amounts of 2026 unchanged")
        void nameAndAmounts() {
            CalculationSheet june = calc(household("2026-06").head(35).and().limit(400, 100).rent(300, 60));
            CalculationSheet july = calc(household("2026-07").head(35).and().limit(400, 100).rent(300, 60));
            assertThat(june.benefit()).isEqualTo("Bürgergeld");
            assertThat(july.benefit()).isEqualTo("Grundsicherungsgeld");
            assertThat(july.ruleSet()).isEqualTo("2026-07");
            assertThat(july.notes()).extracting(Line::item).contains("LAW_IN_FORCE");
            totals(june, "923.00", "563.00", "360.00");
            totals(july, "923.00", "563.00", "360.00");
        }

        @Test
        @DisplayName("§ 22(1) S. 2 n.F.: in the waiting period rent 700 above the limit 400 is recognised up to 1.5 × = 600 (was: 700)")
        void housingCapInTheWaitingPeriod() {
            CalculationSheet june = calc(household("2026-06").head(35).and().limit(400, 100).rent(700, 80).monthsOfReceipt(3));
            CalculationSheet july = calc(household("2026-07").head(35).and().limit(400, 100).rent(700, 80).monthsOfReceipt(4));
            totals(june, "1343.00", "563.00", "780.00");
            totals(july, "1243.00", "563.00", "680.00");
            // under the cap the actual rent is still paid in the waiting period
            totals(calc(household("2026-07").head(35).and().limit(400, 100).rent(550, 80).monthsOfReceipt(4)), "1193.00", "563.00", "630.00");
        }

        @Test
        @DisplayName("§ 12 n.F.: no waiting period; 12,000 € exceed the 10,000 € of a 35-year-old (June: within the 40,000 € of the waiting period)")
        void assetsByAge() {
            totals(calc(household("2026-06").head(35).and().limit(400, 100).rent(300, 60).monthsOfReceipt(3)
                    .asset(AssetKind.BANK_ACCOUNT, "12000.00")), "923.00", "563.00", "360.00");
            CalculationSheet july = calc(household("2026-07").head(35).and().limit(400, 100).rent(300, 60).monthsOfReceipt(4)
                    .asset(AssetKind.BANK_ACCOUNT, "12000.00"));
            assertThat(july.assets().allowance()).isEqualTo(eur("10000.00"));
            totals(july, "0.00", "0.00", "0.00");
            // 55 years: 20,000 €
            totals(calc(household("2026-07").head(55).and().limit(400, 100).rent(300, 60).asset(AssetKind.BANK_ACCOUNT, "12000.00")),
                    "923.00", "563.00", "360.00");
            // a couple of 28 and 45 pools 5,000 + 12,500 = 17,500 €
            CalculationSheet couple = calc(household("2026-07").head(28).and().partner(45).and().limit(500, 120).rent(400, 100)
                    .asset(AssetKind.BANK_ACCOUNT, "17500.00"));
            assertThat(couple.assets().allowance()).isEqualTo(eur("17500.00"));
            assertThat(couple.assets().exceeds()).isFalse();
        }
    }

    @Nested
    @DisplayName("assets, § 12")
    class Assets {
        @Test
        @DisplayName("waiting period: 40,000 € for one member are not considerable → entitled")
        void atConsiderableLimit() {
            CalculationSheet s = calc(household("2024-03").head(35).and().rent(400, 80).asset(AssetKind.BANK_ACCOUNT, "40000.00"));
            totals(s, "1043.00", "563.00", "480.00");
        }

        @Test
        @DisplayName("waiting period: 40,000.01 € → no entitlement")
        void aboveConsiderableLimit() {
            CalculationSheet s = calc(household("2024-03").head(35).and().rent(400, 80).asset(AssetKind.BANK_ACCOUNT, "40000.01"));
            totals(s, "0.00", "0.00", "0.00");
            assertThat(s.assets().exceeds()).isTrue();
        }

        @Test
        @DisplayName("after the waiting period: 15,000 € per member; 15,000.00 entitled, 15,000.01 not")
        void afterWaitingPeriod() {
            totals(calc(household("2024-03").head(35).and().rent(400, 80).monthsOfReceipt(12).asset(AssetKind.CASH, "15000.00")),
                    "1043.00", "563.00", "480.00");
            totals(calc(household("2024-03").head(35).and().rent(400, 80).monthsOfReceipt(12).asset(AssetKind.CASH, "15000.01")),
                    "0.00", "0.00", "0.00");
        }

        @Test
        @DisplayName("the allowance is shared within the case: a couple may hold 30,000 € together")
        void shared() {
            totals(calc(household("2024-03").head(35).and().partner(35).and().rent(500, 100).monthsOfReceipt(13)
                    .asset(AssetKind.SECURITIES, "30000.00")), "1612.00", "1012.00", "600.00");
            totals(calc(household("2024-03").head(35).and().partner(35).and().rent(500, 100).monthsOfReceipt(13)
                    .asset(AssetKind.SECURITIES, "30000.01")), "0.00", "0.00", "0.00");
        }

        @Test
        @DisplayName("§ 12(1) S. 2 Nr. 2: one adequate car per employable person is exempt; above 15,000 the excess counts")
        void vehicle() {
            totals(calc(household("2024-03").head(35).and().rent(400, 80).monthsOfReceipt(12).asset(AssetKind.VEHICLE, "14000")
                    .asset(AssetKind.BANK_ACCOUNT, "14000")), "1043.00", "563.00", "480.00");
            totals(calc(household("2024-03").head(35).and().rent(400, 80).monthsOfReceipt(12).asset(AssetKind.VEHICLE, "20000")
                    .asset(AssetKind.BANK_ACCOUNT, "14000")), "0.00", "0.00", "0.00");
        }

        @Test
        @DisplayName("§ 12(1) S. 2 Nr. 5: an owner-occupied flat of 120 m² is exempt")
        void ownHome() {
            CalculationSheet s = calc(household("2024-03").head(35).and().rent(0, 80).monthsOfReceipt(12)
                    .asset(new Household.Asset("head", AssetKind.REAL_ESTATE, eur(180000), true, 120, false, false)));
            assertThat(s.entitled()).isTrue();
            assertThat(s.assets().countable()).isEqualTo(Money.ZERO);
        }
    }

    @Nested
    @DisplayName("partial months and reductions, § 41, §§ 31a, 32")
    class PartialMonthsAndReductions {
        @Test
        @DisplayName("§ 41(1): from the 15th of a 31-day month: 17/30 → 319.03 + 272.00 = 591.03")
        void fromMidMonth() {
            CalculationSheet s = calc(household("2024-03").head(35).and().rent(400, 80).days("2024-03-15", null));
            assertThat(s.days()).isEqualTo(17);
            totals(s, "591.03", "319.03", "272.00");
        }

        @Test
        @DisplayName("§ 41(1): 10 to 29 February counts 20 of 30 days = 695.33")
        void february() {
            CalculationSheet s = calc(household("2024-02").head(35).and().rent(400, 80).days("2024-02-10", "2024-02-29"));
            totals(s, "695.33", "375.33", "320.00");
        }

        @Test
        @DisplayName("a whole February counts as a full month of 30 days = 1,043.00")
        void wholeFebruary() {
            totals(calc(household("2024-02").head(35).and().rent(400, 80)), "1043.00", "563.00", "480.00");
        }

        @Test
        @DisplayName("§ 31a: 10 % reduction = 56.30; the LLU before reduction stays 563 for the statistics")
        void reduction() {
            CalculationSheet s = calc(household("2024-03").head(35).reduction(10).and().rent(400, 80));
            totals(s, "1043.00", "563.00", "480.00");
            assertThat(s.totals().reductions()).isEqualTo(eur("56.30"));
            assertThat(s.totals().payable()).isEqualTo(eur("986.70"));
        }

        @Test
        @DisplayName("§ 31a(4): all reductions together at most 30 % (168.90)")
        void reductionCap() {
            CalculationSheet s = calc(household("2024-03").head(35).reduction(40).and().rent(400, 80));
            assertThat(s.totals().reductions()).isEqualTo(eur("168.90"));
            assertThat(s.totals().payable()).isEqualTo(eur("874.10"));
        }

        @Test
        @DisplayName("housing costs are never reduced: 30 % of 563 is capped at the remaining LLU of 51 → payable 480.00")
        void reductionNeverOnHousing() {
            CalculationSheet s = calc(household("2024-03").head(35).wage("1100", "850").reduction(30).and().rent(400, 80));
            totals(s, "531.00", "51.00", "480.00");
            assertThat(s.totals().reductions()).isEqualTo(eur("51.00"));
            assertThat(s.totals().payable()).isEqualTo(eur("480.00"));
        }
    }

    @Test
    @DisplayName("a month before the first rule set is a clear error naming the field")
    void monthOutsideRuleSets() {
        assertThatThrownBy(() -> CALCULATOR.calculate(household("2022-12").head(35).and().rent(400, 80).build()))
                .isInstanceOfSatisfying(InvalidHouseholdException.class,
                        e -> assertThat(e.problems()).extracting(InvalidHouseholdException.Problem::field).containsExactly("month"));
    }
}
