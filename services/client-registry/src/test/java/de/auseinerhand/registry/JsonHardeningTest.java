package de.auseinerhand.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.auseinerhand.servicekit.json.JsonHardening;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

/** The bounded readings of numbers and months that every service applies to what clients send (service-kit). */
class JsonHardeningTest {

    @Test
    void decimalsAreReadAsWrittenWithinFifteenAndTenDigits() {
        assertThat(JsonHardening.parse("12.50")).isEqualByComparingTo("12.50").hasScaleOf(2);
        assertThat(JsonHardening.parse("1e3")).isEqualByComparingTo("1000");
        assertThat(JsonHardening.parse("1E+2")).isEqualByComparingTo("100");
        assertThat(JsonHardening.parse("+5")).isEqualByComparingTo("5");
        assertThat(JsonHardening.parse(".5")).isEqualByComparingTo("0.5");
        assertThat(JsonHardening.parse("-0.0000000001")).isEqualByComparingTo(new BigDecimal("-1E-10"));
        assertThat(JsonHardening.parse("999999999999999")).isEqualByComparingTo("999999999999999");
        assertThat(JsonHardening.parse("0")).isEqualByComparingTo("0");
    }

    @Test
    void numbersBeyondTheBoundsOrNotNumbersAtAllAreRefusedOnTheirText() {
        assertThat(JsonHardening.parse("1e1000000")).isNull();
        assertThat(JsonHardening.parse("-1e-1000000")).isNull();
        assertThat(JsonHardening.parse("1e16")).isNull();
        assertThat(JsonHardening.parse("1234567890123456")).isNull();
        assertThat(JsonHardening.parse("0.12345678901")).isNull();
        assertThat(JsonHardening.parse("NaN")).isNull();
        assertThat(JsonHardening.parse("Infinity")).isNull();
        assertThat(JsonHardening.parse("abc")).isNull();
        assertThat(JsonHardening.parse("")).isNull();
        assertThat(JsonHardening.parse("1,5")).isNull();
        assertThat(JsonHardening.parse("1".repeat(65))).isNull();
    }

    @Test
    void monthsAndDatesOutsideTheYears1800To2199AreRefused() {
        assertThat(JsonHardening.parseMonth("2199-12")).isEqualTo(YearMonth.of(2199, 12));
        assertThat(JsonHardening.parseMonth("1800-01")).isEqualTo(YearMonth.of(1800, 1));
        assertThatThrownBy(() -> JsonHardening.parseMonth("+999999999-12")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> JsonHardening.parseMonth("1799-12")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> JsonHardening.parseDate("2200-01-01")).isInstanceOf(DateTimeParseException.class);
        assertThat(JsonHardening.month("2024-13")).isNull();
        assertThat(JsonHardening.date("2024-02-29")).isNotNull();
        assertThat(JsonHardening.date("2023-02-29")).isNull();
    }

    @Test
    void textWithNulOrBeyondTheLimitIsNamedForWhatIsWrong() {
        assertThat(JsonHardening.problemWithText("Müller-Lüdenscheidt", 100)).isNull();
        assertThat(JsonHardening.problemWithText("a\u0000b", 100)).contains("NUL");
        assertThat(JsonHardening.problemWithText("x".repeat(101), 100)).contains("at most 100");
    }
}
