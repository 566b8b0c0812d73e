package de.auseinerhand.events.registry;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.OptionalField;
import java.time.LocalDate;
import java.util.UUID;

/** An already registered person joins the case again from {@code effectiveFrom}. */
@CaseEventType(domain = "registry", name = "person-joined-case")
public record PersonJoinedCase(
        UUID personId,
        PersonRole role,
        LocalDate effectiveFrom,
        @OptionalField String reason) implements EventData {
}
