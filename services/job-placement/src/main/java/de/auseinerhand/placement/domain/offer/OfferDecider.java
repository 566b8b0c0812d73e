package de.auseinerhand.placement.domain.offer;

import static de.auseinerhand.placement.domain.Rules.notBefore;
import static de.auseinerhand.placement.domain.Rules.plausible;
import static de.auseinerhand.placement.domain.Rules.reject;

import de.auseinerhand.events.EventData;
import de.auseinerhand.events.placement.JobOfferClosed;
import de.auseinerhand.events.placement.JobOfferPublished;
import de.auseinerhand.eventstore.Decider;
import de.auseinerhand.matching.OccupationCode;
import de.auseinerhand.placement.domain.Rules;
import de.auseinerhand.placement.domain.WageRules;
import java.math.BigDecimal;
import java.util.List;

/** The lifecycle of a job offer: published, then filled, withdrawn or expired (once). Pure. */
public final class OfferDecider implements Decider<OfferCommand, OfferState> {

    static final int MAX_POSITIONS = 99;

    @Override
    public OfferState initialState() {
        return OfferState.NONE;
    }

    @Override
    public List<EventData> decide(OfferCommand command, OfferState s) {
        if (command instanceof OfferCommand.Publish c) {
            if (s.exists()) {
                throw reject("offer-exists", "offerId", "the offer exists already");
            }
            if (!OccupationCode.isValid(c.occupationCode())) {
                throw reject("invalid-occupation-code", "occupationCode", "not a KldB 2010 code (five digits, last 1-4)");
            }
            if (c.title() == null || c.title().isBlank()) {
                throw reject("title-missing", "title", "an offer needs a title");
            }
            plausible(c.publishedOn(), "publishedOn");
            if (c.hoursPerWeek() == null || c.hoursPerWeek().signum() <= 0
                    || c.hoursPerWeek().compareTo(BigDecimal.valueOf(Rules.MAX_HOURS_PER_WEEK)) > 0) {
                throw reject("hours-out-of-range", "hoursPerWeek", "between more than 0 and 48 hours a week (§ 3 ArbZG)");
            }
            if (c.positions() < 1 || c.positions() > MAX_POSITIONS) {
                throw reject("positions-out-of-range", "positions", "between 1 and " + MAX_POSITIONS);
            }
            if (c.wage() != null) {
                BigDecimal minimum = WageRules.minimumWage(c.startDate() == null ? c.publishedOn() : c.startDate());
                if (minimum != null && c.wage().compareTo(minimum) < 0) {
                    throw reject("below-minimum-wage", "wage", "the hourly wage is below the statutory minimum wage of "
                            + minimum + " EUR (§ 1 MiLoG)");
                }
            }
            if (c.startDate() != null) {
                notBefore(c.startDate(), c.publishedOn(), "startDate", "the start date lies before the publication");
            }
            return List.of(new JobOfferPublished(c.offerId(), c.employerId(), c.occupationCode(), c.title().trim(),
                    c.municipality(), c.hoursPerWeek(), c.wage(), c.positions(), Rules.copy(c.requirements()),
                    c.startDate(), Rules.copy(c.languages()), c.drivingLicenceRequired()));
        }
        if (!s.exists()) {
            throw reject("offer-unknown", "offerId", "no such offer");
        }
        if (command instanceof OfferCommand.Close c) {
            if (!s.isOpen()) {
                throw reject("offer-closed", null, "the offer is " + s.status().toLowerCase() + " already");
            }
            plausible(c.closedOn(), "closedOn");
            return List.of(new JobOfferClosed(s.offerId(), s.employerId(), c.closure(), c.closedOn()));
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    @Override
    public OfferState evolve(OfferState s, EventData event) {
        if (event instanceof JobOfferPublished e) {
            return new OfferState(e.offerId(), e.employerId(), e.occupationCode(), e.title(), e.municipality(),
                    e.hoursPerWeek(), e.wage(), e.startDate(), e.positions(), Rules.copy(e.requirements()),
                    Rules.copy(e.languages()), Boolean.TRUE.equals(e.drivingLicenceRequired()), null, null);
        }
        if (event instanceof JobOfferClosed e) {
            return s.closed(e.closure(), e.closedOn());
        }
        return s;
    }
}
