package de.auseinerhand.events.placement;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EncryptedPii;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.OptionalField;
import java.time.LocalDate;
import java.util.UUID;

/** An employment recorded as integration ends. */
// Free texts (reason) are null when sealed: they are then in pii (PlacementTexts, encrypted with
// the person's key); older events carry them in plain.
@CaseEventType(domain = "placement", name = "employment-ended")
public record EmploymentEnded(
        UUID personId,
        LocalDate endDate,
        @OptionalField String reason,
        @OptionalField EncryptedPii pii) implements EventData, PersonTexts {

    /** With the texts in plain (before {@code pii} was introduced, and as job-placement's decider writes them before sealing). */
    public EmploymentEnded(UUID personId, LocalDate endDate, String reason) {
        this(personId, endDate, reason, null);
    }
}
