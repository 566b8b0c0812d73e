package de.auseinerhand.placement.domain.offer;

import de.auseinerhand.events.placement.OfferClosure;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A job offer as folded from its stream {@code offer-<offerId>}; {@code closure} is null while it is open. */
public record OfferState(UUID offerId, UUID employerId, String occupationCode, String title, String municipality,
        BigDecimal hoursPerWeek, BigDecimal wage, LocalDate startDate, int positions, List<String> requirements,
        List<String> languages, boolean drivingLicenceRequired, OfferClosure closure, LocalDate closedOn) {

    public static final OfferState NONE = new OfferState(null, null, null, null, null, null, null, null, 0, List.of(),
            List.of(), false, null, null);

    public boolean exists() {
        return offerId != null;
    }

    public boolean isOpen() {
        return exists() && closure == null;
    }

    /** published, filled, withdrawn or expired */
    public String status() {
        return closure == null ? "PUBLISHED" : closure.name();
    }

    OfferState closed(OfferClosure c, LocalDate on) {
        return new OfferState(offerId, employerId, occupationCode, title, municipality, hoursPerWeek, wage, startDate,
                positions, requirements, languages, drivingLicenceRequired, c, on);
    }
}
