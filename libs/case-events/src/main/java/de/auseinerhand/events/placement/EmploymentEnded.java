package de.auseinerhand.events.placement;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.OptionalField;
import java.time.LocalDate;
import java.util.UUID;

/** An employment recorded as integration ends. */
@CaseEventType(domain = "placement", name = "employment-ended")
public record EmploymentEnded(
        UUID personId,
        LocalDate endDate,
        @OptionalField String reason) implements EventData {
}
