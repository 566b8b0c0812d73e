package de.auseinerhand.events.placement;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.OptionalField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A job offer of an employer is open for matching. {@code requirements} are the qualifications asked for;
 * languages, driving licence and start date are optional (added before first use by job-placement).
 */
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
        List<String> requirements,
        @OptionalField LocalDate startDate,
        @OptionalField List<String> languages,
        @OptionalField Boolean drivingLicenceRequired) implements EventData {
}
