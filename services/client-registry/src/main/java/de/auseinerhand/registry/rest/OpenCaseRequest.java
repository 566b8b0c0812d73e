package de.auseinerhand.registry.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Open a case (Bedarfsgemeinschaft) in a municipality of the district")
public record OpenCaseRequest(
        @Schema(description = "AGS of the responsible municipality", example = "05958032", required = true)
        @NotBlank @Pattern(regexp = "[0-9]{8}", message = "must be an 8-digit AGS") String municipality,
        @Schema(description = "Business date the case was opened; today when omitted", example = "2026-03-02")
        @PastOrPresent LocalDate openedOn) {
}
