package de.auseinerhand.events.placement;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.OptionalField;
import java.time.LocalDate;
import java.util.UUID;

/** The outcome of a proposal (offer {@code offerId} to person {@code personId}); rejections carry their reason. */
@CaseEventType(domain = "placement", name = "placement-outcome-recorded")
public record PlacementOutcomeRecorded(
        UUID personId,
        UUID offerId,
        PlacementOutcome outcome,
        LocalDate occurredOn,
        @OptionalField String reason) implements EventData {
}
