package de.auseinerhand.placement.domain.offer;

import de.auseinerhand.events.placement.OfferClosure;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Commands on a job offer. Business dates are in the command; the clock is not. */
public sealed interface OfferCommand {

    /** {@code wage} is the gross hourly wage; {@code requirements} are the qualifications asked for. */
    record Publish(UUID offerId, UUID employerId, String occupationCode, String title, String municipality,
            BigDecimal hoursPerWeek, BigDecimal wage, LocalDate publishedOn, LocalDate startDate, int positions,
            List<String> requirements, List<String> languages, boolean drivingLicenceRequired) implements OfferCommand {
    }

    record Close(OfferClosure closure, LocalDate closedOn) implements OfferCommand {
    }
}
