package de.auseinerhand.events.registry;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import java.time.LocalDate;

/** A case worker removed a citizen's account from the case: the citizen no longer reaches it through a portal. */
@CaseEventType(domain = "registry", name = "citizen-unlinked")
public record CitizenUnlinked(
        String citizenId,
        LocalDate unlinkedOn,
        String reason) implements EventData {
}
