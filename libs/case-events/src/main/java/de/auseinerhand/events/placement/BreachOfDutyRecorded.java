package de.auseinerhand.events.placement;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.OptionalField;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Job placement records a breach of duty with the facts a hearing needs (§ 24 SGB X); benefit
 * calculation decides about a reduction (§§ 31, 31a, 32 SGB II) after the hearing.
 */
@CaseEventType(domain = "placement", name = "breach-of-duty-recorded")
public record BreachOfDutyRecorded(
        UUID breachId,
        UUID personId,
        BreachKind kind,
        LocalDate occurredOn,
        String facts,
        @OptionalField UUID offerId,
        @OptionalField UUID measureId) implements EventData {
}
