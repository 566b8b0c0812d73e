package de.auseinerhand.benefits.rest;

import de.auseinerhand.events.registry.AssetKind;
import de.auseinerhand.events.registry.IncomeKind;
import de.auseinerhand.events.registry.PersonRole;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A household as a portal describes it for the benefit estimator. No names, no personal data. */
@Schema(description = "A household and a month to calculate Bürgergeld for")
public record CalculationRequest(
        @Schema(description = "benefit month", example = "2024-03", required = true) YearMonth month,
        @Schema(description = "first day of entitlement in the month, if not the 1st (§ 41(1) SGB II)") LocalDate from,
        @Schema(description = "last day of entitlement in the month, if not the last") LocalDate to,
        @Schema(description = "AGS of the municipality whose housing adequacy limits apply", example = "05958032") String municipality,
        @Schema(description = "explicit adequacy limit instead of the municipality's") Limit adequacyLimit,
        @Schema(required = true) List<MemberRequest> members,
        @Schema(required = true) HousingRequest housing,
        List<AssetRequest> assets,
        @Schema(description = "months of benefit receipt before this month (waiting periods of §§ 12, 22)", example = "0") Integer monthsOfReceipt,
        @Schema(description = "hot water is produced in the flat (§ 21(7) SGB II)") Boolean decentralHotWater) {

    public record Limit(BigDecimal grossColdRent, BigDecimal heating) {
    }

    @Schema(description = "a person living in the household; role OTHER lives there without belonging to the case")
    public record MemberRequest(
            @Schema(description = "any id unique in the request, used for links", example = "p1", required = true) String id,
            @Schema(required = true) PersonRole role,
            @Schema(description = "birth date, or give age") LocalDate birthDate,
            @Schema(description = "age in completed years, if no birth date is given") Integer age,
            @Schema(description = "ids of the parents in the household (children); default: head and partner") List<String> parentIds,
            @Schema(description = "able to work at least 3 h a day (§ 8 SGB II); default true from 15") Boolean employable,
            Boolean singleParent,
            @Schema(description = "pregnant after the 12th week (§ 21(2))") Boolean pregnant,
            @Schema(description = "employable, disabled, receiving integration help (§ 21(4))") Boolean disabledWithIntegrationHelp,
            @Schema(description = "not employable, disability card with mark G (§ 23 Nr. 4)") Boolean nonEmployableMarkG,
            @Schema(description = "monthly amount of a medically required costly diet (§ 21(5))") BigDecimal costlyDiet,
            @Schema(description = "in school, training or studies (§ 11b(2b))") Boolean inEducation,
            @Schema(description = "under 25, moved out without the agency's consent (§ 20(3))") Boolean movedOutWithoutConsent,
            @Schema(description = "has a minor child living elsewhere (§ 11b(3) S. 3)") Boolean hasMinorChildOutsideCase,
            @Schema(description = "benefit reduction in force, percent of the standard need (§§ 31a, 32)") Integer reductionPercent,
            List<IncomeRequest> incomes) {
    }

    @Schema(description = "a monthly income; child benefit is entered with the child")
    public record IncomeRequest(
            @Schema(required = true) IncomeKind kind,
            @Schema(required = true, example = "800.00") BigDecimal gross,
            @Schema(example = "0.00") BigDecimal incomeTax,
            @Schema(example = "160.00") BigDecimal socialContributions,
            @Schema(description = "child benefit: id of the parent who receives it (default the head)") String paidTo,
            @Schema(description = "parental allowance: earned income before the birth (§ 10(5) BEEG)") Boolean earnedBeforeBirth) {
    }

    @Schema(description = "housing costs of the whole dwelling per month")
    public record HousingRequest(
            @Schema(required = true, example = "400.00") BigDecimal rent,
            @Schema(example = "0.00") BigDecimal utilities,
            @Schema(required = true, example = "80.00") BigDecimal heating,
            @Schema(description = "everyone living there, also people outside the case; default the members", example = "1") Integer personsInHousehold,
            @Schema(description = "months the cost-reduction procedure has run after the waiting period") Integer costReductionMonths) {
    }

    public record AssetRequest(
            @Schema(description = "member id; default: the case") String ownerId,
            @Schema(required = true) AssetKind kind,
            @Schema(required = true) BigDecimal value,
            Boolean ownerOccupied,
            Integer livingSpace,
            Boolean house,
            Boolean recognisedPensionProvision) {
    }
}
