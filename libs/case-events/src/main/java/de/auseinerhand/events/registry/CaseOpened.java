package de.auseinerhand.events.registry;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import java.time.LocalDate;

/** Case (Bedarfsgemeinschaft) opened in a municipality of the district. */
@CaseEventType(domain = "registry", name = "case-opened")
public record CaseOpened(
        String caseId,
        String municipality,
        LocalDate openedOn) implements EventData {
}
