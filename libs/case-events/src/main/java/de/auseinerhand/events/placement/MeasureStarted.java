package de.auseinerhand.events.placement;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.OptionalField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** An integration measure (§§ 16 ff SGB II) starts for a person. */
@CaseEventType(domain = "placement", name = "measure-started")
public record MeasureStarted(
        UUID measureId,
        UUID personId,
        String legalBasis,
        MeasureCategory category,
        String provider,
        LocalDate start,
        @OptionalField LocalDate plannedEnd,
        @OptionalField String catalogueId,
        @OptionalField BigDecimal costs) implements EventData {
}
