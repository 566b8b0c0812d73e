package de.auseinerhand.benefits.notices;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;

/** The part of the registry's encrypted identifying data (field {@code pii} of person-registered) a notice prints. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NoticePersonData(String firstName, String lastName, LocalDate birthDate, String address) {
}
