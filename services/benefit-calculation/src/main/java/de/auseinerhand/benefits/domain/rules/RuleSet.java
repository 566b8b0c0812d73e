package de.auseinerhand.benefits.domain.rules;

import de.auseinerhand.benefits.domain.calculation.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * The parameters of the Bürgergeld calculation valid from one date (data, see
 * {@code rules/rule-sets.json}). Percentages are basis points (1 % = 100) so that the
 * calculation stays in integer cents.
 *
 * @param standardNeed            § 20 / § 23 SGB II with the RBEG: index 1..6 = level (index 0 unused)
 * @param childSupplement         § 72 SGB II, on top of the levels in {@code childSupplementLevels}
 * @param hotWaterBasisPoints     § 21(7) SGB II per level, index 1..6
 * @param earnedIncomeBands       § 11b(3) SGB II
 * @param trainingExemption       § 11b(2b) SGB II: under-25s in school, training or studies keep earnings up to the minijob threshold
 */
public record RuleSet(
        String id,
        LocalDate validFrom,
        Money[] standardNeed,
        Money childSupplement,
        boolean[] childSupplementLevels,
        int singleParentHighBasisPoints,
        int singleParentPerChildBasisPoints,
        int singleParentMaxBasisPoints,
        int pregnancyBasisPoints,
        int disabilityIntegrationBasisPoints,
        int nonEmployableMarkGBasisPoints,
        int[] hotWaterBasisPoints,
        Money basicEarnedIncomeAllowance,
        List<Band> earnedIncomeBands,
        boolean trainingExemption,
        Money minijobThreshold,
        Money insuranceFlatRate,
        Money parentalAllowanceExemption,
        Money childBenefit,
        int housingWaitingPeriodMonths,
        int costReductionMonths,
        int assetsWaitingPeriodMonths,
        Money considerableAssetsFirstMember,
        Money considerableAssetsFurtherMember,
        Money assetsPerMember,
        Money vehiclePresumedAdequate,
        int ownHomeHouseSquareMetres,
        int ownHomeFlatSquareMetres,
        Reductions reductions) {

    /** One band of the earned-income allowance: {@code percent} of the gross part between from and to. */
    public record Band(Money from, Money to, Money toWithChild, int basisPoints) {
        public Money upper(boolean withChild) {
            return withChild && toWithChild != null ? toWithChild : to;
        }
    }

    /** §§ 31a, 32 SGB II: percent of the standard need by breach number, duration, cap. */
    public record Reductions(int[] breachPercents, int[] breachMonths, int missedAppointmentPercent,
                             int missedAppointmentMonths, int capPercent, int lookbackMonths) {
        /** Percent for the n-th breach (1-based) within the look-back window; further breaches keep the last level. */
        public int percentForBreach(int n) {
            return breachPercents[Math.min(n, breachPercents.length) - 1];
        }

        public int monthsForBreach(int n) {
            return breachMonths[Math.min(n, breachMonths.length) - 1];
        }
    }

    public Money standardNeed(int level) {
        return standardNeed[level];
    }

    public boolean childSupplementApplies(int level) {
        return childSupplementLevels[level];
    }
}
