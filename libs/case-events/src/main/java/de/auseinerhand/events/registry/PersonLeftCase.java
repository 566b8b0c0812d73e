package de.auseinerhand.events.registry;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.OptionalField;
import java.time.LocalDate;
import java.util.UUID;

/** A person leaves the case; {@code effectiveFrom} is the first day without membership. */
@CaseEventType(domain = "registry", name = "person-left-case")
public record PersonLeftCase(
        UUID personId,
        LocalDate effectiveFrom,
        @OptionalField String reason) implements EventData {
}
