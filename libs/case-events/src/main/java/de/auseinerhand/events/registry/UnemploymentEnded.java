package de.auseinerhand.events.registry;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.OptionalField;
import java.time.LocalDate;
import java.util.UUID;

/** A member's unemployment ends. */
@CaseEventType(domain = "registry", name = "unemployment-ended")
public record UnemploymentEnded(
        UUID personId,
        LocalDate date,
        @OptionalField String reason) implements EventData {
}
