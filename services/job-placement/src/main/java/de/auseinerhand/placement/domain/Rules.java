package de.auseinerhand.placement.domain;

import de.auseinerhand.eventstore.CommandRejected;
import de.auseinerhand.matching.OccupationCode;
import java.time.LocalDate;
import java.util.List;

/** Small checks shared by the deciders. */
public final class Rules {

    /** SGB II exists since 2005-01-01; earlier business dates are implausible. */
    public static final LocalDate SGB_II_START = LocalDate.of(2005, 1, 1);
    /** Working time at most 48 hours a week on average (§ 3 ArbZG: 8 hours on 6 working days). */
    public static final int MAX_HOURS_PER_WEEK = 48;

    private Rules() {
    }

    public static CommandRejected reject(String code, String field, String message) {
        return new CommandRejected(code, field, message);
    }

    public static void plausible(LocalDate date, String field) {
        if (date == null) {
            throw reject("date-missing", field, "a date is required");
        }
        if (date.isBefore(SGB_II_START) || date.isAfter(LocalDate.of(2100, 1, 1))) {
            throw reject("date-implausible", field, "the date " + date + " is implausible");
        }
    }

    public static void notBefore(LocalDate date, LocalDate earliest, String field, String message) {
        if (earliest != null && date.isBefore(earliest)) {
            throw reject("date-too-early", field, message);
        }
    }

    public static void occupations(List<String> codes, String field) {
        for (String code : codes) {
            if (!OccupationCode.isValid(code)) {
                throw reject("invalid-occupation-code", field, code + " is not a KldB 2010 code (five digits, last 1-4)");
            }
        }
    }

    public static List<String> copy(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
