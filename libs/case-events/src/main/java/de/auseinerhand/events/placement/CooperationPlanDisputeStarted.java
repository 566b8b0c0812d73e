package de.auseinerhand.events.placement;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.OptionalField;
import java.time.LocalDate;
import java.util.UUID;

/** A dispute procedure about a cooperation plan starts (§ 15a SGB II, up to 4 weeks); no benefit reduction may be imposed while it runs. */
@CaseEventType(domain = "placement", name = "cooperation-plan-dispute-started")
public record CooperationPlanDisputeStarted(
        UUID planId,
        UUID personId,
        LocalDate startedOn,
        @OptionalField String subject) implements EventData {
}
