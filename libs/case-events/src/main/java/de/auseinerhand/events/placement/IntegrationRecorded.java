package de.auseinerhand.events.placement;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.OptionalField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A person takes up work, training or self-employment (integration). */
@CaseEventType(domain = "placement", name = "integration-recorded")
public record IntegrationRecorded(
        UUID personId,
        IntegrationKind kind,
        LocalDate startDate,
        @OptionalField UUID employerId,
        BigDecimal hoursPerWeek,
        @OptionalField String subsidy,
        @OptionalField BigDecimal monthlyWage) implements EventData {
}
