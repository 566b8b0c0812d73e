package de.auseinerhand.events.benefits;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import java.time.LocalDate;
import java.util.UUID;

/** A team lead approved or rejected a pending command ({@code outcome} APPROVED or REJECTED); the actor is the team lead. */
@CaseEventType(domain = "benefits", name = "approval-decided")
public record ApprovalDecided(
        UUID approvalId,
        String outcome,
        LocalDate decidedOn) implements EventData {
}
