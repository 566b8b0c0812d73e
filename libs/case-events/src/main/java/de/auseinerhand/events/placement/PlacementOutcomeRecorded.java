package de.auseinerhand.events.placement;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EncryptedPii;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.OptionalField;
import java.time.LocalDate;
import java.util.UUID;

/** The outcome of a proposal (offer {@code offerId} to person {@code personId}); rejections carry their reason. */
// Free texts (reason) are null when sealed: they are then in pii (PlacementTexts, encrypted with
// the person's key); older events carry them in plain.
@CaseEventType(domain = "placement", name = "placement-outcome-recorded")
public record PlacementOutcomeRecorded(
        UUID personId,
        UUID offerId,
        PlacementOutcome outcome,
        LocalDate occurredOn,
        @OptionalField String reason,
        @OptionalField EncryptedPii pii) implements EventData, PersonTexts {

    /** With the texts in plain (before {@code pii} was introduced, and as job-placement's decider writes them before sealing). */
    public PlacementOutcomeRecorded(UUID personId, UUID offerId, PlacementOutcome outcome, LocalDate occurredOn, String reason) {
        this(personId, offerId, outcome, occurredOn, reason, null);
    }
}
