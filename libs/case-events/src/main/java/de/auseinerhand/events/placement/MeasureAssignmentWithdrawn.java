package de.auseinerhand.events.placement;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EncryptedPii;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.OptionalField;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An assignment to a measure is withdrawn before the measure started; the measure never runs. Repeats
 * {@code legalBasis} and {@code category} so that readers classify it from this event alone.
 *
 * @param reason why (job-placement writes PLAN_CHANGED, PROVIDER_CANCELLED, IMPORTANT_REASON_OF_CLIENT,
 *               NOT_STARTED_BY_CLIENT or TOOK_UP_WORK; readers must treat other values as "other")
 */
// Free texts (remark) are null when sealed: they are then in pii (PlacementTexts, encrypted with
// the person's key); older events carry them in plain.
@CaseEventType(domain = "placement", name = "measure-assignment-withdrawn")
public record MeasureAssignmentWithdrawn(
        UUID measureId,
        UUID personId,
        String legalBasis,
        MeasureCategory category,
        LocalDate withdrawnOn,
        String reason,
        @OptionalField String remark,
        @OptionalField EncryptedPii pii) implements EventData, PersonTexts {

    /** With the texts in plain (before {@code pii} was introduced, and as job-placement's decider writes them before sealing). */
    public MeasureAssignmentWithdrawn(UUID measureId, UUID personId, String legalBasis, MeasureCategory category, LocalDate withdrawnOn, String reason, String remark) {
        this(measureId, personId, legalBasis, category, withdrawnOn, reason, remark, null);
    }
}
