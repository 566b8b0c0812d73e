package de.auseinerhand.registry.rest;

import de.auseinerhand.events.registry.AssetKind;
import de.auseinerhand.events.registry.CaseworkerFunction;
import de.auseinerhand.events.registry.IncomeKind;
import de.auseinerhand.events.registry.PersonRole;
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
            @Schema(example = "107.66") @NotNull @DecimalMin("0.00") @Digits(integer = 9, fraction = 2) BigDecimal socialContributions) {
    }

    @Schema(description = "Housing and heating costs of the household (§ 22 SGB II)")
    public record HousingCosts(@NotNull LocalDate effectiveFrom,
            @NotNull @DecimalMin("0.00") @Digits(integer = 7, fraction = 2) BigDecimal rent,
            @NotNull @DecimalMin("0.00") @Digits(integer = 7, fraction = 2) BigDecimal heating,
            @NotNull @DecimalMin("0.00") @Digits(integer = 7, fraction = 2) BigDecimal utilities,
            @Schema(description = "everyone living in the household, also people outside the case") @NotNull @Min(1) @Max(30) Integer householdSize,
            @Schema(description = "square metres") @DecimalMin("1") @Digits(integer = 4, fraction = 2) BigDecimal livingSpace) {
    }

    @Schema(description = "An asset of a member at market value (§ 12 SGB II)")
    public record Assets(@NotNull UUID personId, @NotNull AssetKind kind,
            @NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal value,
            @NotNull LocalDate effectiveFrom) {
    }
}
