package de.auseinerhand.events.benefits;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import java.time.LocalDate;

/** Application for benefits (§ 37 SGB II): effective from the first day of the month of application. */
@CaseEventType(domain = "benefits", name = "application-received")
public record ApplicationReceived(
        LocalDate receivedOn,
        LocalDate effectiveFrom) implements EventData {
}
