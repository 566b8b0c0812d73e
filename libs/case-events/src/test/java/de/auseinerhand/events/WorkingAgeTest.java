package de.auseinerhand.events;

import static org.assertj.core.api.Assertions.assertThat;

import de.auseinerhand.events.registry.WorkingAge;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** § 7a SGB II, table written out from the law text (not from the formula in WorkingAge). */
class WorkingAgeTest {

    @Test
    void theAgeLimitFollowsTheYearOfBirth() {
        // year of birth -> age limit as "years/months" (§ 7a S. 2 table)
        String[][] table = {{"1946", "65/0"}, {"1947", "65/1"}, {"1948", "65/2"}, {"1949", "65/3"}, {"1950", "65/4"}, {"1951", "65/5"},
                {"1952", "65/6"}, {"1953", "65/7"}, {"1954", "65/8"}, {"1955", "65/9"}, {"1956", "65/10"}, {"1957", "65/11"},
                {"1958", "66/0"}, {"1959", "66/2"}, {"1960", "66/4"}, {"1961", "66/6"}, {"1962", "66/8"}, {"1963", "66/10"},
                {"1964", "67/0"}, {"1990", "67/0"}};
        for (String[] row : table) {
            int year = Integer.parseInt(row[0]);
            String[] limit = row[1].split("/");
            YearMonth born = YearMonth.of(year, 7);
            YearMonth last = born.plusYears(Integer.parseInt(limit[0])).plusMonths(Integer.parseInt(limit[1]));
            assertThat(WorkingAge.lastMonth(born)).as("born %s", born).isEqualTo(last);
            // the month in which the limit is reached still counts, the next one does not
            assertThat(WorkingAge.in(born, last)).as("born %s in %s", born, last).isTrue();
            assertThat(WorkingAge.in(born, last.plusMonths(1))).as("born %s in %s", born, last.plusMonths(1)).isFalse();
        }
    }

    @Test
    void fromTheMonthOfTheFifteenthBirthday() {
        YearMonth born = YearMonth.of(2011, 6);
        assertThat(WorkingAge.in(born, YearMonth.of(2026, 5))).isFalse();
        assertThat(WorkingAge.in(born, YearMonth.of(2026, 6))).isTrue();
        // a man born in March 1960 is of working age up to July 2026 (66 years and 4 months), not up to February 2027
        assertThat(WorkingAge.in(YearMonth.of(1960, 3), YearMonth.of(2026, 7))).isTrue();
        assertThat(WorkingAge.in(YearMonth.of(1960, 3), YearMonth.of(2026, 8))).isFalse();
    }
}
