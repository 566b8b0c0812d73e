package de.auseinerhand.registry.infrastructure;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/** What identifies a person; travels only encrypted (field {@code pii} of the events). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonalData(String firstName, String lastName, LocalDate birthDate, String address, String phone,
        String email, String insuranceNumber) {
}
