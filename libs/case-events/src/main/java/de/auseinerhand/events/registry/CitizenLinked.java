package de.auseinerhand.events.registry;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import java.time.LocalDate;

/**
 * A citizen's account is linked to the case (issue 15 §1): from now on the citizen may act on it through a portal.
 * {@code citizenId} is the pseudonymous subject of the citizen's account at the identity provider, never a name.
 */
@CaseEventType(domain = "registry", name = "citizen-linked")
public record CitizenLinked(
        String citizenId,
        CitizenLinkKind link,
        LocalDate linkedOn) implements EventData {
}
