package de.auseinerhand.events.placement;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EncryptedPii;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.OptionalField;
import java.time.LocalDate;
import java.util.UUID;

/** A dispute procedure about a cooperation plan starts (§ 15a SGB II, up to 4 weeks); no benefit reduction may be imposed while it runs. */
// Free texts (subject) are null when sealed: they are then in pii (PlacementTexts, encrypted with
// the person's key); older events carry them in plain.
@CaseEventType(domain = "placement", name = "cooperation-plan-dispute-started")
public record CooperationPlanDisputeStarted(
        UUID planId,
        UUID personId,
        LocalDate startedOn,
        @OptionalField String subject,
        @OptionalField EncryptedPii pii) implements EventData, PersonTexts {

    /** With the texts in plain (before {@code pii} was introduced, and as job-placement's decider writes them before sealing). */
    public CooperationPlanDisputeStarted(UUID planId, UUID personId, LocalDate startedOn, String subject) {
        this(planId, personId, startedOn, subject, null);
    }
}
