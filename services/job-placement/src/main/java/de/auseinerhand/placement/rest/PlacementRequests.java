package de.auseinerhand.placement.rest;

import de.auseinerhand.events.placement.IntegrationKind;
import de.auseinerhand.events.placement.OfferClosure;
import de.auseinerhand.events.placement.PlacementOutcome;
import de.auseinerhand.placement.domain.client.PlacementCommand.DisputeOutcome;
import de.auseinerhand.placement.domain.client.PlacementCommand.MeasureResult;
import de.auseinerhand.placement.domain.client.PlacementCommand.WithdrawalReason;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the placement API. Money: decimals with at most two places. Dates: ISO-8601. */
public final class PlacementRequests {

    private PlacementRequests() {
    }

    @Schema(description = "Publish a job offer of an employer in one of the caller's municipalities")
    public record PublishOffer(@NotNull UUID employerId,
            @Schema(description = "KldB 2010 occupation code", example = "82102") @NotNull @Pattern(regexp = "[0-9]{5}", message = "must be a five-digit KldB 2010 code") String occupationCode,
            @Schema(example = "Pflegehelfer/in") @NotBlank @Size(max = 200) String title,
            @Schema(example = "05958032") @NotNull @Pattern(regexp = "[0-9]{8}", message = "must be an 8-digit AGS") String municipality,
            @Schema(example = "30") @NotNull @DecimalMin(value = "0.5") @DecimalMax("48") @Digits(integer = 2, fraction = 2) BigDecimal hoursPerWeek,
            @Schema(description = "gross hourly wage in EUR", example = "15.50") @DecimalMin("0") @Digits(integer = 4, fraction = 2) BigDecimal wage,
            @Schema(description = "default: today") LocalDate publishedOn,
            LocalDate startDate,
            @NotNull @Min(1) @Max(99) Integer positions,
            @Schema(description = "qualifications asked for") @Size(max = 20) List<@NotBlank @Size(max = 100) String> requirements,
            @Schema(description = "ISO 639-1 codes", example = "[\"de\"]") @Size(max = 10) List<@Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code such as de") String> languages,
            Boolean drivingLicenceRequired) {
    }

    @Schema(description = "Close an open offer: filled, withdrawn or expired")
    public record CloseOffer(@NotNull OfferClosure closure, @NotNull LocalDate closedOn) {
    }

    @Schema(description = "The placement profile of an employable member")
    public record Profile(@Size(max = 30) List<@NotBlank @Size(max = 100) String> qualifications,
            @Schema(example = "[\"82102\"]") @NotEmpty @Size(max = 10) List<@Pattern(regexp = "[0-9]{5}", message = "must be a five-digit KldB 2010 code") String> occupationsSought,
            @Min(0) @Max(60) Integer experienceYears,
            @Size(max = 10) List<@Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code such as de") String> languages,
            Boolean drivingLicence,
            @Schema(example = "25") @NotNull @Min(0) @Max(200) Integer mobilityRadiusKm,
            @DecimalMin(value = "0.5") @DecimalMax("48") @Digits(integer = 2, fraction = 2) BigDecimal maxHoursPerWeek,
            @Schema(example = "[\"childcare until 14:00\"]") @Size(max = 10) List<@NotBlank @Size(max = 200) String> constraints,
            LocalDate availableFrom) {
    }

    @Schema(description = "Agree a cooperation plan (§ 15 SGB II); the review is at most six months after agreedOn")
    public record AgreePlan(@NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 500) String> goals,
            @Size(max = 20) List<@NotBlank @Size(max = 500) String> ownEfforts,
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 500) String> steps,
            @NotNull LocalDate agreedOn, @NotNull LocalDate reviewBy,
            @Schema(description = "AGREEMENT (default) or, from 2026-07-01, ADMINISTRATIVE_ACT: set by the agency when no agreement "
                    + "is reached (13th amending act)") de.auseinerhand.events.placement.CooperationPlanForm form) {
    }

    @Schema(description = "Review and update the cooperation plan; the next review is at most six months after reviewedOn")
    public record ReviewPlan(@NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 500) String> goals,
            @Size(max = 20) List<@NotBlank @Size(max = 500) String> ownEfforts,
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 500) String> steps,
            @NotNull LocalDate reviewedOn, @NotNull LocalDate reviewBy,
            @Schema(description = "AGREEMENT (default) or, from 2026-07-01, ADMINISTRATIVE_ACT") de.auseinerhand.events.placement.CooperationPlanForm form) {
    }

    @Schema(description = "Start the dispute procedure (§ 15a SGB II, up to four weeks; no benefit reduction meanwhile)")
    public record StartDispute(@NotNull LocalDate startedOn, @Size(max = 500) String subject) {
    }

    @Schema(description = "End the dispute procedure")
    public record EndDispute(@NotNull LocalDate endedOn, @NotNull DisputeOutcome outcome) {
    }

    @Schema(description = "Propose an open offer; score and reasons come from matching")
    public record Propose(@NotNull UUID offerId, LocalDate proposedOn) {
    }

    @Schema(description = "What became of a proposal. withoutImportantReason (only with DECLINED_BY_CLIENT) records a breach of duty (§ 31(1) Nr. 2 SGB II)")
    public record Outcome(@NotNull PlacementOutcome outcome, @NotNull LocalDate occurredOn, @Size(max = 500) String reason,
            Boolean withoutImportantReason) {
    }

    @Schema(description = "Assign a measure of the catalogue (GET /api/v1/measure-catalogue) before it starts; limits "
            + "(e.g. § 16d(6) SGB II: 24 months in five years) and overlaps are checked on the planned period")
    public record AssignMeasure(@Schema(example = "work-opportunity-16d") @NotBlank String catalogueId,
            @Schema(example = "Stadt Meschede") @NotBlank @Size(max = 200) String provider,
            @Schema(description = "default: today") LocalDate assignedOn,
            @NotNull LocalDate plannedStart,
            @Schema(description = "required where the legal basis assigns for a fixed time") LocalDate plannedEnd,
            @Schema(description = "planned costs in EUR", example = "1200.00") @NotNull @DecimalMin("0") @Digits(integer = 9, fraction = 2) BigDecimal plannedCosts) {
    }

    @Schema(description = "Start an assigned measure, at the earliest on its planned start and at the latest on its planned end")
    public record StartAssignedMeasure(@NotNull LocalDate start,
            @Schema(description = "actual costs in EUR; default: the planned costs") @DecimalMin("0") @Digits(integer = 9, fraction = 2) BigDecimal costs) {
    }

    @Schema(description = "Withdraw an assignment before the measure started. NOT_STARTED_BY_CLIENT records the fact only "
            + "(no breach of duty is recorded for not starting)")
    public record WithdrawAssignment(@NotNull LocalDate withdrawnOn, @NotNull WithdrawalReason reason,
            @Size(max = 500) String remark) {
    }

    @Schema(description = "Assign and start a measure of the catalogue in one step (GET /api/v1/measure-catalogue)")
    public record StartMeasure(@Schema(example = "activation-45") @NotBlank String catalogueId,
            @NotBlank @Size(max = 200) String provider, @NotNull LocalDate start, LocalDate plannedEnd,
            @DecimalMin("0") @Digits(integer = 9, fraction = 2) BigDecimal costs) {
    }

    @Schema(description = "End a measure. withoutImportantReason (only with BROKEN_OFF) records a breach of duty (§ 31(1) Nr. 3 SGB II)")
    public record EndMeasure(@NotNull LocalDate end, @NotNull MeasureResult result, @Size(max = 500) String remark,
            Boolean withoutImportantReason) {
    }

    @Schema(description = "The person takes up work, training or self-employment")
    public record Integration(@NotNull IntegrationKind kind, @NotNull LocalDate startDate, UUID employerId,
            @NotNull @DecimalMin(value = "0.5") @DecimalMax("48") @Digits(integer = 2, fraction = 2) BigDecimal hoursPerWeek,
            @Schema(description = "gross monthly wage in EUR") @DecimalMin("0") @Digits(integer = 7, fraction = 2) BigDecimal monthlyWage,
            @Schema(description = "legal basis of a subsidy, e.g. § 16e SGB II") @Size(max = 100) String subsidy) {
    }

    @Schema(description = "The recorded employment ends")
    public record EndEmployment(@NotNull LocalDate endDate, @Size(max = 200) String reason) {
    }
}
