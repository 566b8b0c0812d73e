package de.auseinerhand.benefits.notices;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and amounts as a German notice writes them. */
final class GermanFormat {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

    private GermanFormat() {
    }

    static String date(LocalDate d) {
        return d == null ? "" : DATE.format(d);
    }

    static String month(YearMonth m) {
        return MONTH.format(m);
    }

    /** {@code 1.234,56 €}; exact (BigDecimal), two decimals. */
    static String euro(BigDecimal amount) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.GERMANY));
        f.setParseBigDecimal(true);
        return f.format(amount.setScale(2, RoundingMode.UNNECESSARY)) + " €";
    }
}
