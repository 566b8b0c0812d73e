package de.auseinerhand.placement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import de.auseinerhand.events.placement.IntegrationKind;
import de.auseinerhand.placement.domain.client.ContinuousEmployment;
import de.auseinerhand.placement.domain.client.ContinuousEmployment.Status;
import de.auseinerhand.placement.domain.client.PlacementState.Employment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** K2E3: employed at the end of each of the six months after the integration month. */
class ContinuousEmploymentTest {

    static Employment job(IntegrationKind kind, LocalDate from, LocalDate to) {
        return new Employment(kind, from, null, BigDecimal.TEN, null, null, to, null);
    }

    @Test
    void sixMonthEndsInWorkAreContinuous() {
        var r = ContinuousEmployment.check(List.of(job(IntegrationKind.EMPLOYMENT_SV, LocalDate.of(2026, 1, 15), null)),
                LocalDate.of(2026, 8, 1)).get(0);
        assertThat(r.months()).extracting(ContinuousEmployment.Month::month)
                .containsExactly(YearMonth.of(2026, 2), YearMonth.of(2026, 3), YearMonth.of(2026, 4), YearMonth.of(2026, 5),
                        YearMonth.of(2026, 6), YearMonth.of(2026, 7));
        assertThat(r.continuous()).isTrue();
    }

    @Test
    void aGapAtAMonthEndBreaksItAndAFollowUpJobBridges() {
        var ended = job(IntegrationKind.EMPLOYMENT_SV, LocalDate.of(2026, 1, 15), LocalDate.of(2026, 4, 29));
        assertThat(ContinuousEmployment.check(List.of(ended), LocalDate.of(2026, 8, 1)).get(0).months().get(2).status())
                .isEqualTo(Status.NOT_EMPLOYED);
        var next = job(IntegrationKind.EMPLOYMENT_SV, LocalDate.of(2026, 4, 30), null);
        assertThat(ContinuousEmployment.check(List.of(ended, next), LocalDate.of(2026, 8, 1)).get(0).continuous()).isTrue();
    }

    @Test
    void aMinijobNeitherCountsAsIntegrationNorBridges() {
        var sv = job(IntegrationKind.EMPLOYMENT_SV, LocalDate.of(2026, 1, 15), LocalDate.of(2026, 2, 10));
        var mini = job(IntegrationKind.MINIJOB, LocalDate.of(2026, 2, 11), null);
        var results = ContinuousEmployment.check(List.of(sv, mini), LocalDate.of(2026, 8, 1));
        assertThat(results).hasSize(1);
        assertThat(results.get(0).continuous()).isFalse();
    }

    @Test
    void monthsNotYetOverArePending() {
        var r = ContinuousEmployment.check(List.of(job(IntegrationKind.APPRENTICESHIP, LocalDate.of(2026, 8, 1), null)),
                LocalDate.of(2026, 11, 25)).get(0);
        assertThat(r.months()).extracting(ContinuousEmployment.Month::status).containsExactly(Status.EMPLOYED,
                Status.EMPLOYED, Status.PENDING, Status.PENDING, Status.PENDING, Status.PENDING);
        assertThat(r.continuous()).isNull();
    }
}
