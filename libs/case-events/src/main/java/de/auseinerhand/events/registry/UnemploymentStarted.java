package de.auseinerhand.events.registry;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.OptionalField;
import java.time.LocalDate;
import java.util.UUID;

/** A member becomes unemployed (§ 16 SGB III); basis for long-term unemployment (§ 18 SGB III). */
@CaseEventType(domain = "registry", name = "unemployment-started")
public record UnemploymentStarted(
        UUID personId,
        LocalDate date,
        @OptionalField String reason) implements EventData {
}
