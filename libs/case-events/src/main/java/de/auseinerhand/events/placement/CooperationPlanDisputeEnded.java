package de.auseinerhand.events.placement;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import java.time.LocalDate;
import java.util.UUID;

/** The dispute procedure about a cooperation plan ends (§ 15a SGB II) with its outcome (e.g. AGREED, PLAN_CHANGED, NO_AGREEMENT). */
@CaseEventType(domain = "placement", name = "cooperation-plan-dispute-ended")
public record CooperationPlanDisputeEnded(
        UUID planId,
        UUID personId,
        LocalDate endedOn,
        String outcome) implements EventData {
}
