package de.auseinerhand.benefits.domain.calculation;

import de.auseinerhand.benefits.domain.rules.AdequacyLimit;
import de.auseinerhand.events.registry.AssetKind;
import de.auseinerhand.events.registry.IncomeKind;
import de.auseinerhand.events.registry.PersonRole;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Everything the calculation of one month needs about a household. No personal data: members
 * are identified by an id chosen by the caller (a person id or "p1").
 *
 * @param month              the benefit month
 * @param from               first day of entitlement in the month (null = first of the month)
 * @param to                 last day of entitlement in the month (null = end of the month)
 * @param municipality       AGS whose adequacy limits apply (null only with {@code explicitLimit})
 * @param explicitLimit      an adequacy limit given by the caller instead of the municipality's
 * @param monthsOfReceipt    months of benefit receipt before this month (waiting periods of §§ 12, 22)
 * @param decentralHotWater  hot water is produced in the flat (§ 21(7) SGB II)
 */
public record Household(
        YearMonth month,
        LocalDate from,
        LocalDate to,
        String municipality,
        AdequacyLimit explicitLimit,
        List<Member> members,
        Housing housing,
        List<Asset> assets,
        int monthsOfReceipt,
        boolean decentralHotWater) {

    /**
     * One person living in the household. {@code role} OTHER is a person who lives there but does
     * not belong to the case (counts for the housing split only).
     *
     * @param parentIds                    ids of the parents in the household (children); empty = the head (and partner)
     * @param hasMinorChildOutsideCase     for the higher allowance ceiling of § 11b(3) S. 3
     * @param reductionPercent             benefit reduction in force this month (§§ 31a, 32), percent of the standard need
     * @param pregnantFrom                 with {@code pregnant}: the day in this month the 13th week of pregnancy begins, when
     *                                     the § 21(2) need starts within the month (null: the whole month)
     */
    public record Member(
            String id,
            PersonRole role,
            LocalDate birthDate,
            Integer age,
            List<String> parentIds,
            boolean employable,
            boolean singleParent,
            boolean pregnant,
            boolean disabledWithIntegrationHelp,
            boolean nonEmployableMarkG,
            Money costlyDiet,
            boolean inEducation,
            boolean movedOutWithoutConsent,
            boolean hasMinorChildOutsideCase,
            int reductionPercent,
            List<Income> incomes,
            LocalDate pregnantFrom) {

        /** Without a start day of the pregnancy need in the month ({@code pregnant} then holds for the whole month). */
        public Member(String id, PersonRole role, LocalDate birthDate, Integer age, List<String> parentIds, boolean employable,
                      boolean singleParent, boolean pregnant, boolean disabledWithIntegrationHelp, boolean nonEmployableMarkG,
                      Money costlyDiet, boolean inEducation, boolean movedOutWithoutConsent, boolean hasMinorChildOutsideCase,
                      int reductionPercent, List<Income> incomes) {
            this(id, role, birthDate, age, parentIds, employable, singleParent, pregnant, disabledWithIntegrationHelp, nonEmployableMarkG,
                    costlyDiet, inEducation, movedOutWithoutConsent, hasMinorChildOutsideCase, reductionPercent, incomes, null);
        }
    }

    /**
     * One monthly income. Child benefit is the child's income ({@code paidTo} names the parent who
     * receives it, default the head).
     *
     * @param earnedBeforeBirth for parental allowance: there was earned income before the birth (§ 10(5) BEEG)
     */
    public record Income(IncomeKind kind, Money gross, Money incomeTax, Money socialContributions, String paidTo,
                         boolean earnedBeforeBirth) {
        public Money net() {
            return gross.minus(incomeTax).minus(socialContributions);
        }
    }

    /**
     * Housing costs of the whole dwelling per month.
     *
     * @param personsInHousehold   everyone living there, also people outside the case (§ 22: split per head)
     * @param costReductionMonths  months the cost-reduction procedure has run after the waiting period (§ 22(1) S. 3)
     */
    public record Housing(Money rent, Money utilities, Money heating, int personsInHousehold, int costReductionMonths) {
        public Money grossColdRent() {
            return rent.plus(utilities);
        }
    }

    /**
     * An asset. Exemptions of § 12(1) S. 2: an adequate vehicle per employable person, an
     * owner-occupied home of adequate size, recognised pension provision.
     */
    public record Asset(String ownerId, AssetKind kind, Money value, boolean ownerOccupied, Integer livingSpace,
                        boolean house, boolean recognisedPensionProvision) {
    }
}
