package de.auseinerhand.events.placement;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.OptionalField;
import java.util.UUID;

/**
 * An employer that publishes job offers, as a business (no personal data: contact persons are not
 * recorded here). {@code industryCode} is the WZ 2008 class, e.g. "87.10".
 */
@CaseEventType(domain = "placement", name = "employer-registered")
public record EmployerRegistered(
        UUID employerId,
        String name,
        String municipality,
        @OptionalField String industryCode) implements EventData {
}
