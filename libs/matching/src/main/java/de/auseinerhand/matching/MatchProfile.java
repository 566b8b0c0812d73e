package de.auseinerhand.matching;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What matching needs of a client: the profile and where the case lives. Qualifications and languages in lower case. */
public record MatchProfile(UUID personId, String caseId, String municipality, List<String> occupationsSought,
        Set<String> qualifications, Set<String> languages, boolean drivingLicence, int mobilityRadiusKm,
        BigDecimal maxHoursPerWeek, LocalDate availableFrom, List<String> constraints) {
}
