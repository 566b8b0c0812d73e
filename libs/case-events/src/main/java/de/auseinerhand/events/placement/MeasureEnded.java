package de.auseinerhand.events.placement;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import java.time.LocalDate;
import java.util.UUID;

/** An integration measure ends. */
@CaseEventType(domain = "placement", name = "measure-ended")
public record MeasureEnded(
        UUID measureId,
        UUID personId,
        String legalBasis,
        MeasureCategory category,
        LocalDate end,
        String outcome) implements EventData {
}
