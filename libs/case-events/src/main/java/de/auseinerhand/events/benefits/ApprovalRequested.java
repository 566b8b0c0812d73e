package de.auseinerhand.events.benefits;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A command of benefit-calculation waits for a second person (four-eyes principle): {@code kind} DECISION, FINAL or
 * AMENDMENT, {@code reason} why it needs one (e.g. the amount or how far back it reaches). The envelope's actor is who
 * asked. Nothing of the command is decided before {@code approval-decided}.
 */
@CaseEventType(domain = "benefits", name = "approval-requested")
public record ApprovalRequested(
        UUID approvalId,
        String kind,
        String reason,
        LocalDate requestedOn) implements EventData {
}
