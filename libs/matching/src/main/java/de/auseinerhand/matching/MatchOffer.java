package de.auseinerhand.matching;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What matching needs of an open offer. Requirements and languages in lower case. */
public record MatchOffer(UUID offerId, String occupationCode, String title, String municipality, BigDecimal hoursPerWeek,
        LocalDate startDate, List<String> requirements, List<String> languages, boolean drivingLicenceRequired) {
}
