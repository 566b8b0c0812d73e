package de.auseinerhand.events.registry;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import java.time.LocalDate;

/** A case worker takes a function for the case. */
@CaseEventType(domain = "registry", name = "caseworker-assigned")
public record CaseworkerAssigned(
        String caseworkerId,
        CaseworkerFunction function,
        LocalDate effectiveFrom) implements EventData {
}
