package de.auseinerhand.placement.domain.client;

import de.auseinerhand.events.placement.IntegrationKind;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a person stayed in work after an integration (supplementary indicator K2E3 to § 48a SGB II):
 * employed on the last day of each of the six calendar months after the month of the integration.
 * Only kinds that count as integration (employment subject to social insurance, vocational training,
 * self-employment) count; minijobs and subsidised public employment do not.
 */
public final class ContinuousEmployment {

    public static final int MONTHS = 6;

    public enum Status {
        EMPLOYED, NOT_EMPLOYED, PENDING
    }

    public record Month(YearMonth month, Status status) {
    }

    /** {@code continuous} is null while a month is still pending. */
    public record Result(LocalDate integratedOn, IntegrationKind kind, List<Month> months, Boolean continuous) {
    }

    private ContinuousEmployment() {
    }

    public static boolean countsAsIntegration(IntegrationKind kind) {
        return kind == IntegrationKind.EMPLOYMENT_SV || kind == IntegrationKind.APPRENTICESHIP
                || kind == IntegrationKind.SELF_EMPLOYMENT;
    }

    /** One result per integration of the person, as known on {@code asOf}. */
    public static List<Result> check(List<PlacementState.Employment> employments, LocalDate asOf) {
        List<Result> results = new ArrayList<>();
        for (PlacementState.Employment integration : employments) {
            if (!countsAsIntegration(integration.kind())) {
                continue;
            }
            List<Month> months = new ArrayList<>();
            boolean pending = false;
            boolean all = true;
            YearMonth first = YearMonth.from(integration.startDate()).plusMonths(1);
            for (int i = 0; i < MONTHS; i++) {
                YearMonth m = first.plusMonths(i);
                LocalDate day = m.atEndOfMonth();
                Status status;
                if (day.isAfter(asOf)) {
                    status = Status.PENDING;
                    pending = true;
                } else {
                    status = employedOn(employments, day) ? Status.EMPLOYED : Status.NOT_EMPLOYED;
                    all &= status == Status.EMPLOYED;
                }
                months.add(new Month(m, status));
            }
            results.add(new Result(integration.startDate(), integration.kind(), months,
                    !all ? Boolean.FALSE : pending ? null : Boolean.TRUE));
        }
        return results;
    }

    private static boolean employedOn(List<PlacementState.Employment> employments, LocalDate day) {
        for (PlacementState.Employment e : employments) {
            if (countsAsIntegration(e.kind()) && !e.startDate().isAfter(day)
                    && (e.endDate() == null || !e.endDate().isBefore(day))) {
                return true;
            }
        }
        return false;
    }
}
