package de.auseinerhand.reporting.indicators;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Long-term beneficiaries (LZB, § 48a SGB II with its regulation): employable beneficiaries in need
 * on at least 638 days of the two years up to the report date (21 of the last 24 months). The window
 * is the two calendar years ending with the report date (15.09.2024 → 16.09.2022 to 15.09.2024); with
 * a 29 February inside it has 731 days, which the rounded "730 days" of the documentation ignores.
 */
public final class LongTermBeneficiaries {
    public static final int THRESHOLD_DAYS = 638;

    /** A closed range of days in need, both ends inclusive. */
    public record Days(LocalDate from, LocalDate to) {
    }

    private LongTermBeneficiaries() {
    }

    /** The window of a report date: the two years ending with it (15.09.2024 → 16.09.2022 to 15.09.2024). */
    public static LocalDate windowStart(LocalDate reportDate) {
        return reportDate.minusYears(2).plusDays(1);
    }

    /** Days in need inside the window; overlapping ranges count once. */
    public static int daysInNeed(List<Days> periods, LocalDate reportDate) {
        LocalDate start = windowStart(reportDate);
        List<Days> sorted = periods.stream().sorted(java.util.Comparator.comparing(Days::from)).toList();
        int days = 0;
        LocalDate covered = start.minusDays(1);
        for (Days d : sorted) {
            LocalDate from = d.from().isAfter(covered) ? d.from() : covered.plusDays(1);
            if (from.isBefore(start)) {
                from = start;
            }
            LocalDate to = d.to().isAfter(reportDate) ? reportDate : d.to();
            if (!to.isBefore(from)) {
                days += (int) ChronoUnit.DAYS.between(from, to) + 1;
                covered = to;
            }
        }
        return days;
    }

    public static boolean isLongTerm(List<Days> periods, LocalDate reportDate) {
        return daysInNeed(periods, reportDate) >= THRESHOLD_DAYS;
    }
}
