package de.auseinerhand.events.placement;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import java.time.LocalDate;
import java.util.UUID;

/** A job offer was filled, withdrawn or expired. */
@CaseEventType(domain = "placement", name = "job-offer-closed")
public record JobOfferClosed(
        UUID offerId,
        UUID employerId,
        OfferClosure closure,
        LocalDate closedOn) implements EventData {
}
