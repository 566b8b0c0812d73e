package de.auseinerhand.events.placement;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EncryptedPii;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.OptionalField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Placement profile of an employable member. */
// Free texts (constraints) are null when sealed: they are then in pii (PlacementTexts, encrypted with
// the person's key); older events carry them in plain.
@CaseEventType(domain = "placement", name = "client-profile-recorded")
public record ClientProfileRecorded(
        UUID personId,
        List<String> qualifications,
        List<String> occupationsSought,
        int mobilityRadiusKm,
        @OptionalField List<String> constraints,
        @OptionalField List<String> languages,
        @OptionalField Boolean drivingLicence,
        @OptionalField Integer experienceYears,
        @OptionalField BigDecimal maxHoursPerWeek,
        @OptionalField LocalDate availableFrom,
        @OptionalField EncryptedPii pii) implements EventData, PersonTexts {

    /** With the texts in plain (before {@code pii} was introduced, and as job-placement's decider writes them before sealing). */
    public ClientProfileRecorded(UUID personId, List<String> qualifications, List<String> occupationsSought, int mobilityRadiusKm, List<String> constraints, List<String> languages, Boolean drivingLicence, Integer experienceYears, BigDecimal maxHoursPerWeek, LocalDate availableFrom) {
        this(personId, qualifications, occupationsSought, mobilityRadiusKm, constraints, languages, drivingLicence, experienceYears, maxHoursPerWeek, availableFrom, null);
    }
}
