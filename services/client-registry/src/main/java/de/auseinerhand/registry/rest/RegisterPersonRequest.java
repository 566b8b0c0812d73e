package de.auseinerhand.registry.rest;

import de.auseinerhand.events.registry.PersonRole;
import de.auseinerhand.events.registry.Sex;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Register a new member of the case")
public record RegisterPersonRequest(
        @Schema(description = "an existing person (Kundennummer moves with them) joining from another case; omit for a new person")
        java.util.UUID personId,
        @Schema(required = true) @NotNull PersonRole role,
        @Schema(required = true, example = "Erika") @NotBlank @Size(max = 100) String firstName,
        @Schema(required = true, example = "Mustermann") @NotBlank @Size(max = 100) String lastName,
        @Schema(required = true, example = "1988-04-12") @NotNull @Past LocalDate birthDate,
        @Schema(required = true) @NotNull Sex sex,
        @Schema(required = true, description = "able to work at least 3 hours a day (§ 8 SGB II)") @NotNull Boolean employable,
        @Schema(description = "lives alone with minor children and cares for them (§ 21(3) SGB II)") Boolean singleParent,
        @Schema(description = "first day of membership; the case's opening date when omitted") LocalDate effectiveFrom,
        @Schema(description = "Kundennummer (§ 51a SGB II)", example = "123A456789")
        @Size(max = 20) @Pattern(regexp = "[0-9A-Z]{6,20}", message = "must be 6 to 20 digits or capital letters") String customerNumber,
        @Size(max = 300) String address,
        @Size(max = 50) String phone,
        @Email @Size(max = 200) String email,
        @Size(max = 20) String insuranceNumber) {
}
