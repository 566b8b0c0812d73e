package de.auseinerhand.testsupport;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/**
 * The age range of § 7(1) S. 1 Nr. 1 and § 7a SGB II written out from the law's table, for test oracles
 * that must not share the production code's reading (libs/case-events WorkingAge): from the month of the
 * 15th birthday to the end of the month in which the person reaches the age limit of their year of birth.
 */
public final class AgeLimitTable {

    /** § 7a S. 2: year of birth → "years/months" of the age limit; before 1947: 65/0; from 1964: 67/0. */
    private static final String TABLE = """
            1947 65/1
            1948 65/2
            1949 65/3
            1950 65/4
            1951 65/5
            1952 65/6
            1953 65/7
            1954 65/8
            1955 65/9
            1956 65/10
            1957 65/11
            1958 66/0
            1959 66/2
            1960 66/4
            1961 66/6
            1962 66/8
            1963 66/10
            """;

    private static final Map<Integer, Integer> LIMIT_IN_MONTHS = new HashMap<>();

    static {
        TABLE.lines().map(String::trim).filter(l -> !l.isEmpty()).forEach(l -> {
            String[] parts = l.split("[ /]");
            LIMIT_IN_MONTHS.put(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]) * 12 + Integer.parseInt(parts[2]));
        });
    }

    private AgeLimitTable() {
    }

    /** Whether a person born in {@code born} is between the 15th birthday and the § 7a limit in {@code month}. */
    public static boolean ofWorkingAge(YearMonth born, YearMonth month) {
        int monthsOld = month.getYear() * 12 + month.getMonthValue() - (born.getYear() * 12 + born.getMonthValue());
        int limit = born.getYear() < 1947 ? 65 * 12 : LIMIT_IN_MONTHS.getOrDefault(born.getYear(), 67 * 12);
        return monthsOld >= 15 * 12 && monthsOld <= limit;
    }
}
