package de.auseinerhand.events.registry;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import java.util.UUID;

/** The person's key was destroyed: the encrypted personal data in every copy of the log is unreadable from now on. */
@CaseEventType(domain = "registry", name = "person-data-erased")
public record PersonDataErased(
        UUID personId) implements EventData {
}
