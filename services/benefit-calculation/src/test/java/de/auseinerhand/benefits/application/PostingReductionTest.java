package de.auseinerhand.benefits.application;

import static org.assertj.core.api.Assertions.assertThat;

import de.auseinerhand.benefits.domain.calculation.Money;
import de.auseinerhand.benefits.domain.decision.BenefitState;
import de.auseinerhand.events.benefits.PersonEntitlement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** §§ 31a, 32 SGB II at posting time: percent of the standard need by days, all reductions together at most 30 %. */
class PostingReductionTest {
    static final UUID P = UUID.randomUUID();
    static final PersonEntitlement PERSON = new PersonEntitlement(P, new BigDecimal("563.00"), List.of(), new BigDecimal("480.00"),
            BigDecimal.ZERO, new BigDecimal("563.00"), new BigDecimal("480.00"), new BigDecimal("1043.00"));

    static BenefitState with(BenefitState.Reduction... rs) {
        return new BenefitState(null, null, new LinkedHashMap<>(), new TreeMap<>(), List.of(rs));
    }

    static BenefitState.Reduction r(int percent, String from, String to) {
        return new BenefitState.Reduction(P, percent, LocalDate.parse(from), LocalDate.parse(to), "test", false);
    }

    @Test
    @DisplayName("20 % + 20 % in the same month are capped at 30 % = 168.90")
    void cap() {
        assertThat(PostingRuns.reduction(with(r(20, "2026-03-01", "2026-04-30"), r(20, "2026-03-01", "2026-03-31")), PERSON,
                YearMonth.of(2026, 3), 30, 30)).isEqualTo(Money.ofCents(16890));
    }

    @Test
    @DisplayName("a reduction lifted on the 15th counts 14 of 30 days: 10 % × 14/30 = 26.27")
    void partial() {
        assertThat(PostingRuns.reduction(with(r(10, "2026-03-01", "2026-03-14")), PERSON, YearMonth.of(2026, 3), 30, 30))
                .isEqualTo(Money.ofCents(2627));
    }

    @Test
    @DisplayName("no reduction outside its months, none for other persons")
    void outside() {
        assertThat(PostingRuns.reduction(with(r(30, "2026-04-01", "2026-06-30")), PERSON, YearMonth.of(2026, 3), 30, 30)).isEqualTo(Money.ZERO);
        assertThat(PostingRuns.reduction(with(new BenefitState.Reduction(UUID.randomUUID(), 30, LocalDate.parse("2026-03-01"),
                LocalDate.parse("2026-03-31"), "x", false)), PERSON, YearMonth.of(2026, 3), 30, 30)).isEqualTo(Money.ZERO);
    }
}
