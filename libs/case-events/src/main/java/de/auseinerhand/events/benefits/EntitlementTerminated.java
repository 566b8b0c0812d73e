package de.auseinerhand.events.benefits;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import java.time.LocalDate;
import java.util.UUID;

/** Termination of a decision from {@code effectiveFrom} (SGB X §§ 45, 48). */
@CaseEventType(domain = "benefits", name = "entitlement-terminated")
public record EntitlementTerminated(
        UUID decisionId,
        LocalDate effectiveFrom,
        String reason) implements EventData {
}
