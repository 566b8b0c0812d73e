package de.auseinerhand.events.placement;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.OptionalField;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A job offer of an employer is open for matching. */
@CaseEventType(domain = "placement", name = "job-offer-published")
public record JobOfferPublished(
        UUID offerId,
        UUID employerId,
        String occupationCode,
        String title,
        String municipality,
        BigDecimal hoursPerWeek,
        @OptionalField BigDecimal wage,
        int positions,
        List<String> requirements) implements EventData {
}
