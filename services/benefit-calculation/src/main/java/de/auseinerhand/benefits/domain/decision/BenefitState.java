package de.auseinerhand.benefits.domain.decision;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;

/** The benefit history of one case: applications, decisions with their amount schedules, postings (month → entitlement posted). */
public record BenefitState(LocalDate firstBenefitDay, LocalDate applicationFrom, Map<UUID, Decision> decisions,
                           NavigableMap<YearMonth, java.math.BigDecimal> posted, java.util.List<Reduction> reductions,
                           java.util.List<CostReductionNotice> costReductionNotices) {

    public BenefitState(LocalDate firstBenefitDay, LocalDate applicationFrom, Map<UUID, Decision> decisions,
                        NavigableMap<YearMonth, java.math.BigDecimal> posted, java.util.List<Reduction> reductions) {
        this(firstBenefitDay, applicationFrom, decisions, posted, reductions, java.util.List.of());
    }

    /** A cost-reduction notice (§ 22(1) S. 7 SGB II) from {@code issuedOn}; {@code withdrawnOn} null while it applies. */
    public record CostReductionNotice(LocalDate issuedOn, LocalDate withdrawnOn) {
    }

    /** The notice that applies on the last day of {@code month}, if any. */
    public CostReductionNotice costReductionNoticeIn(YearMonth month) {
        CostReductionNotice found = null;
        for (CostReductionNotice n : costReductionNotices) {
            if (!n.issuedOn().isAfter(month.atEndOfMonth()) && (n.withdrawnOn() == null || n.withdrawnOn().isAfter(month.atEndOfMonth()))) {
                found = n;
            }
        }
        return found;
    }

    /**
     * Months the cost-reduction procedure has run before {@code month} (§ 22(1) S. 7: actual costs for at most six months
     * after the notice; the waiting period of § 22(1) S. 2 comes first). It runs from the month after the notice (from the
     * notice's month when issued on the 1st: whole months, in the household's favour), but not before the waiting period
     * of {@code waitingPeriodMonths} months of receipt is over. 0 without a notice in force.
     */
    public int costReductionMonthsBefore(YearMonth month, int waitingPeriodMonths) {
        CostReductionNotice n = costReductionNoticeIn(month);
        if (n == null || firstBenefitDay == null) {
            return 0;
        }
        YearMonth start = n.issuedOn().getDayOfMonth() == 1 ? YearMonth.from(n.issuedOn()) : YearMonth.from(n.issuedOn()).plusMonths(1);
        YearMonth afterWaiting = YearMonth.from(firstBenefitDay).plusMonths(waitingPeriodMonths);
        if (afterWaiting.isAfter(start)) {
            start = afterWaiting;
        }
        return (int) Math.max(0, start.until(month, java.time.temporal.ChronoUnit.MONTHS));
    }

    /** A benefit reduction (§§ 31a, 32 SGB II) of one person from {@code from} to {@code to}, both inclusive (to = the lifting day's eve when lifted). */
    public record Reduction(UUID personId, int percent, LocalDate from, LocalDate to, String ground, boolean missedAppointment) {
        /** Days of {@code month} on which the reduction applies; a whole month counts 30 (§ 41(1)). */
        public int daysIn(YearMonth month) {
            LocalDate start = from.isAfter(month.atDay(1)) ? from : month.atDay(1);
            LocalDate end = to.isBefore(month.atEndOfMonth()) ? to : month.atEndOfMonth();
            if (end.isBefore(start)) {
                return 0;
            }
            if (start.equals(month.atDay(1)) && end.equals(month.atEndOfMonth())) {
                return 30;
            }
            return (int) Math.min(30, java.time.temporal.ChronoUnit.DAYS.between(start, end) + 1);
        }
    }

    /**
     * The rule set of a decision taken over from the old system as decided (issue 14, docs/migration.md): its amounts are the
     * old system's, not computed here, so changed facts and new rule data do not amend it.
     */
    public static final String MIGRATED_RULE_SET = "migrated";

    public static BenefitState empty() {
        return new BenefitState(null, null, new LinkedHashMap<>(), new TreeMap<>(), java.util.List.of());
    }

    /**
     * One decision. {@code schedule} maps the month from which amounts apply to those amounts (the
     * decision's own first month, then every amendment); {@code replacedBy} is the final decision
     * that replaced a provisional one.
     */
    public record Decision(UUID id, LocalDate from, LocalDate to, boolean provisional, UUID replacedBy, LocalDate terminatedFrom,
                           NavigableMap<YearMonth, MonthAmounts.Amounts> schedule) {

        public boolean coversMonth(YearMonth month) {
            return replacedBy == null && !YearMonth.from(from).isAfter(month) && !YearMonth.from(to).isBefore(month)
                    && (terminatedFrom == null || terminatedFrom.isAfter(month.atDay(1)));
        }

        /** Taken over from the old system as decided ({@link #MIGRATED_RULE_SET}): never recomputed. */
        public boolean migrated() {
            return !schedule.isEmpty() && MIGRATED_RULE_SET.equals(schedule.firstEntry().getValue().ruleSet());
        }

        public MonthAmounts.Amounts amountsFor(YearMonth month) {
            Map.Entry<YearMonth, MonthAmounts.Amounts> e = schedule.floorEntry(month);
            return e == null ? null : e.getValue();
        }

        /**
         * Days of {@code month} paid (§ 41(1) SGB II: per calendar day, a month counts 30): 30 when the
         * decision is in force from the month's first to its last day, else the calendar days in force, at
         * most 30.
         */
        public int daysPaidIn(YearMonth month) {
            LocalDate first = from.isAfter(month.atDay(1)) ? from : month.atDay(1);
            LocalDate last = lastDayIn(month);
            if (last.isBefore(first)) {
                return 0;
            }
            if (first.equals(month.atDay(1)) && last.equals(month.atEndOfMonth())) {
                return 30;
            }
            return (int) Math.min(30, java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1);
        }

        /** Last day paid in {@code month}: the day before a termination within it, else its last day. */
        public LocalDate lastDayIn(YearMonth month) {
            LocalDate end = to.isBefore(month.atEndOfMonth()) ? to : month.atEndOfMonth();
            return terminatedFrom != null && !terminatedFrom.isAfter(end) ? terminatedFrom.minusDays(1) : end;
        }

        Decision withSchedule(YearMonth month, MonthAmounts.Amounts amounts) {
            TreeMap<YearMonth, MonthAmounts.Amounts> s = new TreeMap<>(schedule);
            s.put(month, amounts);
            return new Decision(id, from, to, provisional, replacedBy, terminatedFrom, Collections.unmodifiableNavigableMap(s));
        }
    }

    /** The decision in force for a month, if any. */
    public Decision decisionFor(YearMonth month) {
        for (Decision d : decisions.values()) {
            if (d.coversMonth(month)) {
                return d;
            }
        }
        return null;
    }

    /** Months of benefit receipt before {@code month}, counted from the first benefit month (waiting periods of §§ 12, 22). */
    public int monthsOfReceiptBefore(YearMonth month) {
        if (firstBenefitDay == null) {
            return 0;
        }
        long months = YearMonth.from(firstBenefitDay).until(month, java.time.temporal.ChronoUnit.MONTHS);
        return (int) Math.max(0, months);
    }
}
