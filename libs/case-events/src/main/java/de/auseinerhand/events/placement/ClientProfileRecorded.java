package de.auseinerhand.events.placement;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.OptionalField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Placement profile of an employable member. */
@CaseEventType(domain = "placement", name = "client-profile-recorded")
public record ClientProfileRecorded(
        UUID personId,
        List<String> qualifications,
        List<String> occupationsSought,
        int mobilityRadiusKm,
        List<String> constraints,
        @OptionalField List<String> languages,
        @OptionalField Boolean drivingLicence,
        @OptionalField Integer experienceYears,
        @OptionalField BigDecimal maxHoursPerWeek,
        @OptionalField LocalDate availableFrom) implements EventData {
}
