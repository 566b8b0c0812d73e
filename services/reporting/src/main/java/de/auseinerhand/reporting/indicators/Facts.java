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

    /**
     * @param employable   as registered (latest registration row known)
     * @param registeredOn the registration's business date (null in facts of an older format)
     * @param changes      recorded changes of employability (§ 8, § 44a)
     */
    public record Person(UUID personId, String sex, YearMonth born, boolean employable, boolean singleParent, LocalDate registeredOn,
                         List<Ability> changes) {
        public Person(UUID personId, String sex, YearMonth born, boolean employable, boolean singleParent) {
            this(personId, sex, born, employable, singleParent, null, List.of());
        }

        public int ageIn(YearMonth month) {
            return (int) born.until(month, java.time.temporal.ChronoUnit.YEARS);
        }

        /**
         * Able to work on the last day of {@code month} (the statistics' reference day): the latest recorded change
         * effective by then; without one, a person registered under 15 from the 15th birthday (the registry cannot
         * record them as employable before it), anyone else as registered. The age range is checked separately.
         */
        public boolean ableToWorkIn(YearMonth month) {
            Ability latest = null;
            for (Ability a : changes) {
                if (!a.effectiveFrom().isAfter(month.atEndOfMonth()) && (latest == null || a.effectiveFrom().isAfter(latest.effectiveFrom())
                        || (a.effectiveFrom().equals(latest.effectiveFrom()) && a.recordedAt().isAfter(latest.recordedAt())))) {
                    latest = a;
                }
            }
            if (latest != null) {
                return latest.employable();
            }
            if (registeredOn != null && YearMonth.from(registeredOn).isBefore(born.plusYears(15))) {
                return true;
            }
            return employable;
        }
    }

    /** A recorded change of employability from a date. */
    public record Ability(boolean employable, LocalDate effectiveFrom, java.time.Instant recordedAt) {
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
