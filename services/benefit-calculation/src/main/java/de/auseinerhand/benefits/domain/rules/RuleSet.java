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
        Reductions reductions,
        Law law) {

    /**
     * What a rule set says beyond amounts: the law it implements and the shape of its rules. Defaults are
     * the Bürgergeld law of 2023 (12th amending act), so older rule sets need none of these fields.
     *
     * @param benefitName              the name of the benefit on sheets and in the API (Bürgergeld; from
     *                                 2026-07-01 Grundsicherungsgeld)
     * @param legalBasis               the act in force, for sheets and reasons
     * @param housingWaitingCapBasisPoints during the housing waiting period (§ 22(1) S. 2) actual costs are
     *                                 recognised only up to this multiple of the adequacy limit (basis points
     *                                 of the limit, 15,000 = 1.5 ×); 0 = no cap
     * @param assetAllowanceByAge      § 12(2) outside a waiting period: allowance per member by age
     *                                 ({@code fromAge} ascending), summed over the members; empty = the flat
     *                                 {@code perMember} amount
     * @param disputeProcedure         § 15a: a running dispute about the cooperation plan blocks reductions
     * @param confirmedUntil           the last day for which district IT has confirmed this rule set (amounts
     *                                 of the following year are often set late); null = open
     * @param sources                  where the rules come from
     * @param toConfirm                points taken from secondary sources, to be checked against the official text
     */
    public record Law(String benefitName, String legalBasis, int housingWaitingCapBasisPoints, List<AgeAllowance> assetAllowanceByAge,
                      boolean disputeProcedure, LocalDate confirmedUntil, List<String> sources, List<String> toConfirm) {
        public static Law bürgergeld2023() {
            return new Law("Bürgergeld", "SGB II as amended by the Bürgergeld-Gesetz (12th amending act)", 0, List.of(), true, null,
                    List.of(), List.of());
        }

        /** The allowance of one member aged {@code age}, or null when the rule set has no age bands. */
        public Money allowanceAt(int age) {
            Money found = null;
            for (AgeAllowance a : assetAllowanceByAge) {
                if (age >= a.fromAge()) {
                    found = a.amount();
                }
            }
            return found;
        }
    }

    /** § 12(2) as amended 2026: the allowance of a member from {@code fromAge} (completed years). */
    public record AgeAllowance(int fromAge, Money amount) {
    }

    /** One band of the earned-income allowance: {@code percent} of the gross part between from and to. */
    public record Band(Money from, Money to, Money toWithChild, int basisPoints) {
        public Money upper(boolean withChild) {
            return withChild && toWithChild != null ? toWithChild : to;
        }
    }

    /**
     * §§ 31a, 32 SGB II: percent of the standard need by breach number and duration; for missed
     * appointments by their number within the look-back window (the first step may be 0 %: no reduction);
     * for a refused reasonable job offer, when set, the standard need withdrawn for a time instead of the
     * breach steps; the cap over all reductions of a person.
     */
    public record Reductions(int[] breachPercents, int[] breachMonths, int[] missedAppointmentPercents,
                             int[] missedAppointmentMonths, int capPercent, int lookbackMonths, Integer workRefusalPercent,
                             Integer workRefusalMonths) {
        public int missedAppointmentPercent(int n) {
            return missedAppointmentPercents[Math.min(n, missedAppointmentPercents.length) - 1];
        }

        public int missedAppointmentMonths(int n) {
            return missedAppointmentMonths[Math.min(n, missedAppointmentMonths.length) - 1];
        }

        /** Percent for the n-th breach (1-based) within the look-back window; further breaches keep the last level. */
        public int percentForBreach(int n) {
            return breachPercents[Math.min(n, breachPercents.length) - 1];
        }

        public int monthsForBreach(int n) {
            return breachMonths[Math.min(n, breachMonths.length) - 1];
        }
    }

    /** This rule set as if it were valid from {@code day} (to compute a month under a candidate that starts later). */
    public RuleSet validFrom(LocalDate day) {
        return new RuleSet(id, day, standardNeed, childSupplement, childSupplementLevels, singleParentHighBasisPoints,
                singleParentPerChildBasisPoints, singleParentMaxBasisPoints, pregnancyBasisPoints, disabilityIntegrationBasisPoints,
                nonEmployableMarkGBasisPoints, hotWaterBasisPoints, basicEarnedIncomeAllowance, earnedIncomeBands, trainingExemption,
                minijobThreshold, insuranceFlatRate, parentalAllowanceExemption, childBenefit, housingWaitingPeriodMonths, costReductionMonths,
                assetsWaitingPeriodMonths, considerableAssetsFirstMember, considerableAssetsFurtherMember, assetsPerMember,
                vehiclePresumedAdequate, ownHomeHouseSquareMetres, ownHomeFlatSquareMetres, reductions, law);
    }

    public Money standardNeed(int level) {
        return standardNeed[level];
    }

    public boolean childSupplementApplies(int level) {
        return childSupplementLevels[level];
    }
}
