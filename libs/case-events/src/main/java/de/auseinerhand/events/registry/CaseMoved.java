package de.auseinerhand.events.registry;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import java.time.LocalDate;

/** Responsibility for the case moves to another municipality of the district from {@code effectiveFrom}. */
@CaseEventType(domain = "registry", name = "case-moved")
public record CaseMoved(
        String fromMunicipality,
        String toMunicipality,
        LocalDate effectiveFrom) implements EventData {
}
