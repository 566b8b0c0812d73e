package de.auseinerhand.reporting.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The arithmetic examples of the official indicator documentation (domain.md). */
class OfficialExamplesTest {

    @Test
    @DisplayName("K1: LLU 1,972,000 € against 2,000,000 € a year earlier = -1.4 %")
    void k1() {
        assertThat(IndicatorEngine.change(new BigDecimal("1972000"), new BigDecimal("2000000"))).isEqualByComparingTo("-1.4");
    }

    @Test
    @DisplayName("K2: 1,320 integrations over 12 months with an average eLb stock of 5,000 = 26.4 %")
    void k2() {
        assertThat(IndicatorEngine.rate(1320, 5000L * 12)).isEqualByComparingTo("26.4");
    }

    @Test
    @DisplayName("K3: LZB 3,174 against 3,200 = -0.8 %")
    void k3() {
        assertThat(IndicatorEngine.change(BigDecimal.valueOf(3174), BigDecimal.valueOf(3200))).isEqualByComparingTo("-0.8");
    }

    @Test
    @DisplayName("LZB: report date 15.09.2024, window 16.09.2022 to 15.09.2024; an 80-day gap leaves LZB, a 100-day gap not")
    void longTermBeneficiary() {
        LocalDate report = LocalDate.of(2024, 9, 15);
        assertThat(LongTermBeneficiaries.windowStart(report)).isEqualTo(LocalDate.of(2022, 9, 16));
        LocalDate gapStart = LocalDate.of(2023, 6, 1);
        List<LongTermBeneficiaries.Days> with80 = List.of(new LongTermBeneficiaries.Days(LocalDate.of(2020, 1, 1), gapStart.minusDays(1)),
                new LongTermBeneficiaries.Days(gapStart.plusDays(80), LocalDate.of(2025, 1, 1)));
        List<LongTermBeneficiaries.Days> with100 = List.of(new LongTermBeneficiaries.Days(LocalDate.of(2020, 1, 1), gapStart.minusDays(1)),
                new LongTermBeneficiaries.Days(gapStart.plusDays(100), LocalDate.of(2025, 1, 1)));
        // domain.md counts 730 - 80 = 650; the window's dates hold 731 days because of 29.02.2024, so 651 here (same verdict)
        assertThat(LongTermBeneficiaries.daysInNeed(with80, report)).isEqualTo(651);
        assertThat(LongTermBeneficiaries.isLongTerm(with80, report)).isTrue();
        assertThat(LongTermBeneficiaries.daysInNeed(with100, report)).isEqualTo(631);
        assertThat(LongTermBeneficiaries.isLongTerm(with100, report)).isFalse();
    }

    @Test
    @DisplayName("overlapping periods count once; periods outside the window do not count")
    void overlaps() {
        LocalDate report = LocalDate.of(2024, 9, 15);
        assertThat(LongTermBeneficiaries.daysInNeed(List.of(new LongTermBeneficiaries.Days(LocalDate.of(2024, 9, 1), LocalDate.of(2024, 9, 10)),
                new LongTermBeneficiaries.Days(LocalDate.of(2024, 9, 5), LocalDate.of(2024, 9, 30)),
                new LongTermBeneficiaries.Days(LocalDate.of(2020, 1, 1), LocalDate.of(2022, 9, 15))), report)).isEqualTo(15);
    }
}
