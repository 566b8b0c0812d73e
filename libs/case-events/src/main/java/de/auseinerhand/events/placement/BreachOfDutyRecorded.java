package de.auseinerhand.events.placement;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EncryptedPii;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.OptionalField;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Job placement records a breach of duty with the facts a hearing needs (§ 24 SGB X); benefit
 * calculation decides about a reduction (§§ 31, 31a, 32 SGB II) after the hearing.
 */
// Free texts (facts) are null when sealed: they are then in pii (PlacementTexts, encrypted with
// the person's key); older events carry them in plain.
@CaseEventType(domain = "placement", name = "breach-of-duty-recorded")
public record BreachOfDutyRecorded(
        UUID breachId,
        UUID personId,
        BreachKind kind,
        LocalDate occurredOn,
        @OptionalField String facts,
        @OptionalField UUID offerId,
        @OptionalField UUID measureId,
        @OptionalField EncryptedPii pii) implements EventData, PersonTexts {

    /** With the texts in plain (before {@code pii} was introduced, and as job-placement's decider writes them before sealing). */
    public BreachOfDutyRecorded(UUID breachId, UUID personId, BreachKind kind, LocalDate occurredOn, String facts, UUID offerId, UUID measureId) {
        this(breachId, personId, kind, occurredOn, facts, offerId, measureId, null);
    }
}
