package de.auseinerhand.registry.rest;

import de.auseinerhand.events.registry.AssetKind;
import de.auseinerhand.events.registry.CaseworkerFunction;
import de.auseinerhand.events.registry.IncomeKind;
import de.auseinerhand.events.registry.PersonRole;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the explicit commands on a case. Money: decimals with at most two places, never negative. */
public final class CaseCommands {

    private CaseCommands() {
    }

    @Schema(description = "Remove a citizen's account from the case (it no longer reaches the case through a portal)")
    public record UnlinkCitizen(@NotBlank @Size(max = 100) String citizenId, @NotBlank @Size(max = 200) String reason) {
    }

    @Schema(description = "A citizen enters the one-time activation code a case worker issued for their household")
    public record RedeemActivationCode(@NotBlank @Size(max = 40) String activationCode) {
    }

    @Schema(description = "A member leaves the case; effectiveFrom is the first day without membership")
    public record Leave(@NotNull LocalDate effectiveFrom, @Size(max = 200) String reason) {
    }

    @Schema(description = "A former member joins the case again")
    public record Rejoin(@NotNull PersonRole role, @NotNull LocalDate effectiveFrom, @Size(max = 200) String reason) {
    }

    @Schema(description = "Close the case; effectiveFrom is the first day it is no longer open")
    public record Close(@NotNull LocalDate effectiveFrom, @NotBlank @Size(max = 200) String reason) {
    }

    @Schema(description = "Move responsibility to another municipality of the district")
    public record Move(@Schema(example = "05958004") @NotBlank @Pattern(regexp = "[0-9]{8}", message = "must be an 8-digit AGS") String toMunicipality,
            @NotNull LocalDate effectiveFrom) {
    }

    @Schema(description = "Assign a case worker to one of the three functions")
    public record AssignCaseworker(@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "letters, digits and . _ @ - only") String caseworkerId,
            @NotNull CaseworkerFunction function, @NotNull LocalDate effectiveFrom) {
    }

    @Schema(description = "Start or end of a period of unemployment (§ 16 SGB III)")
    public record Unemployment(@NotNull LocalDate date, @Size(max = 200) String reason) {
    }

    @Schema(description = "The person's ability to work at least three hours a day (§ 8 SGB II) from a date, in either direction; "
            + "basis CASEWORKER_ASSESSMENT, MEDICAL_FINDING (§ 44a) or PENSION_INSURANCE_DECISION. Reasons stay in the case file.")
    public record Employability(@NotNull Boolean employable, @NotNull LocalDate effectiveFrom,
            @NotNull de.auseinerhand.events.registry.EmployabilityBasis basis) {
    }

    @Schema(description = "Income of a member for a month or a period of months (§§ 11-11b SGB II)")
    public record Income(@NotNull UUID personId, @NotNull IncomeKind kind,
            @Schema(example = "2026-04") @NotNull YearMonth fromMonth,
            @Schema(description = "last month; omit while the income continues") YearMonth toMonth,
            @Schema(example = "520.00") @NotNull @DecimalMin("0.00") @Digits(integer = 9, fraction = 2) BigDecimal gross,
            @Schema(example = "412.34") @NotNull @DecimalMin("0.00") @Digits(integer = 9, fraction = 2) BigDecimal net,
            @Schema(example = "107.66") @NotNull @DecimalMin("0.00") @Digits(integer = 9, fraction = 2) BigDecimal socialContributions,
            @Schema(description = "PARENTAL_ALLOWANCE only: the parent had earned income before the birth (§ 10(5) BEEG: up to "
                    + "300 € a month stay free)") Boolean earnedBeforeBirth) {
    }

    @Schema(description = "Housing and heating costs of the household (§ 22 SGB II)")
    public record HousingCosts(@NotNull LocalDate effectiveFrom,
            @NotNull @DecimalMin("0.00") @Digits(integer = 7, fraction = 2) BigDecimal rent,
            @NotNull @DecimalMin("0.00") @Digits(integer = 7, fraction = 2) BigDecimal heating,
            @NotNull @DecimalMin("0.00") @Digits(integer = 7, fraction = 2) BigDecimal utilities,
            @Schema(description = "everyone living in the household, also people outside the case") @NotNull @Min(1) @Max(30) Integer householdSize,
            @Schema(description = "square metres") @DecimalMin("1") @Digits(integer = 4, fraction = 2) BigDecimal livingSpace,
            @Schema(description = "hot water is produced in the flat (§ 21(7) SGB II); default false") Boolean decentralHotWater) {
    }

    @Schema(description = "A member's circumstances that change the amount, from a date until the next recording (each recording "
            + "states the whole set). The health facts are special categories of personal data: they are stored and published only "
            + "encrypted with the person's key and erased with it.")
    public record Circumstances(@NotNull LocalDate effectiveFrom,
            @Schema(description = "the person's parents among the members; default the head and the partner") @Size(max = 2) java.util.List<@NotNull UUID> parentIds,
            @Schema(description = "single parent (§ 21(3)) where the members cannot show it; omit to derive it from the members") Boolean singleParent,
            @Schema(description = "in school, vocational training or studies (§ 11b(2b), § 7(5))") Boolean inEducation,
            @Schema(description = "under 25, moved out of the parents' home without the agency's consent (§ 20(3))") Boolean movedOutWithoutConsent,
            @Schema(description = "has a minor child living elsewhere (§ 11b(3) S. 3)") Boolean minorChildOutsideCase,
            @Valid Health health) {
    }

    @Schema(description = "Health facts (Art. 9 GDPR): encrypted in every event, visible only to staff of the case's municipality")
    public record Health(
            @Schema(description = "pregnant: the expected date of delivery (§ 21(2): additional need from the 13th week)") LocalDate expectedDelivery,
            @Schema(description = "the pregnancy ended on this day (birth or otherwise)") LocalDate deliveredOn,
            @Schema(description = "employable, disabled and receiving integration help (§ 21(4))") Boolean disabledWithIntegrationHelp,
            @Schema(description = "disability card with mark G (§ 23 Nr. 4, for those not able to work)") Boolean disabilityMarkG,
            @Schema(description = "monthly amount of a medically required costly diet (§ 21(5))", example = "45.00")
            @DecimalMin("0.00") @jakarta.validation.constraints.DecimalMax("1000.00") @Digits(integer = 4, fraction = 2) BigDecimal costlyDiet) {

        public de.auseinerhand.events.registry.HealthFacts facts() {
            return new de.auseinerhand.events.registry.HealthFacts(expectedDelivery, deliveredOn, Boolean.TRUE.equals(disabledWithIntegrationHelp),
                    Boolean.TRUE.equals(disabilityMarkG), costlyDiet == null || costlyDiet.signum() == 0 ? null : costlyDiet);
        }
    }

    @Schema(description = "An asset of a member at market value (§ 12 SGB II)")
    public record Assets(@NotNull UUID personId, @NotNull AssetKind kind,
            @NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal value,
            @NotNull LocalDate effectiveFrom,
            @Schema(description = "REAL_ESTATE only: the household lives in it (§ 12(1) S. 2 Nr. 5)") Boolean ownerOccupied,
            @Schema(description = "REAL_ESTATE only, needed with ownerOccupied: living space in square metres") @Min(1) @Max(2000) Integer livingSpace,
            @Schema(description = "REAL_ESTATE only: a house (default: a flat)") Boolean house,
            @Schema(description = "LIFE_INSURANCE only: recognised pension provision (§ 12(1) S. 2 Nr. 3)") Boolean recognisedPensionProvision) {
    }
}
