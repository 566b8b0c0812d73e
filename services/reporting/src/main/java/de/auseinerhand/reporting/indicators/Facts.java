package de.auseinerhand.reporting.indicators;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The facts as known at one moment (everything recorded up to it), the input of {@link IndicatorEngine}. */
public record Facts(
        Map<String, List<Residence>> residences,
        Map<UUID, Person> persons,
        Map<UUID, Decision> decisions,
        Map<UUID, List<AmountChange>> amountChanges,
        List<Integration> integrations,
        List<EmploymentEnd> employmentEnds,
        List<Measure> measures) {

    public record Residence(LocalDate effectiveFrom, String municipality) {
    }

    public record Person(UUID personId, String sex, YearMonth born, boolean employable, boolean singleParent) {
        public int ageIn(YearMonth month) {
            return (int) born.until(month, java.time.temporal.ChronoUnit.YEARS);
        }
    }

    /** {@code replacedBy} and {@code terminatedFrom} as known. */
    public record Decision(UUID decisionId, String caseId, LocalDate from, LocalDate to, UUID replacedBy, LocalDate terminatedFrom) {
        public boolean covers(YearMonth m) {
            return replacedBy == null && !YearMonth.from(from).isAfter(m) && !YearMonth.from(to).isBefore(m)
                    && (terminatedFrom == null || terminatedFrom.isAfter(m.atDay(1)));
        }

        /**
         * The days of {@code m} the decision pays, counted as benefit-calculation's posting does (§ 41(1)
         * SGB II: the entitlement is per calendar day and a month counts 30 days; a month in force from its
         * first to its last day is 30, a part of a month its calendar days in force, at most 30). 0 when the
         * decision does not cover the month.
         */
        public int daysPaid(YearMonth m) {
            if (!covers(m)) {
                return 0;
            }
            LocalDate first = from.isAfter(m.atDay(1)) ? from : m.atDay(1);
            LocalDate last = to.isBefore(m.atEndOfMonth()) ? to : m.atEndOfMonth();
            if (terminatedFrom != null && !terminatedFrom.isAfter(last)) {
                last = terminatedFrom.minusDays(1);
            }
            if (first.equals(m.atDay(1)) && last.equals(m.atEndOfMonth())) {
                return 30;
            }
            return (int) Math.min(30, java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1);
        }
    }

    /** The per-person amounts a decision or amendment sets from {@code effectiveMonth}; {@code sequence} orders changes of the same month. */
    public record AmountChange(YearMonth effectiveMonth, long sequence, Map<UUID, BigDecimal[]> perPerson) {
    }

    public record Integration(UUID personId, String kind, LocalDate startDate, boolean subsidised) {
    }

    public record EmploymentEnd(UUID personId, LocalDate endDate) {
    }

    public record Measure(UUID measureId, UUID personId, String legalBasis, String category, LocalDate start, LocalDate end) {
    }
}
