package de.auseinerhand.events.registry;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import java.time.LocalDate;

/** The case is closed; {@code effectiveFrom} is the first day it is no longer open. */
@CaseEventType(domain = "registry", name = "case-closed")
public record CaseClosed(
        LocalDate effectiveFrom,
        String reason) implements EventData {
}
