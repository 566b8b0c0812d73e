package de.auseinerhand.events.registry;

import java.time.YearMonth;

/**
 * The age range of an employable person (§ 7(1) S. 1 Nr. 1, § 7a SGB II) by birth month, the only date of
 * birth the events carry.
 *
 * <p>From the 15th birthday: the month of the 15th birthday counts, since the statistics take their stocks
 * on the month's last day (docs/reporting.md), on which the person is 15.
 *
 * <p>Up to the § 7a age limit, reached "mit Ablauf des Monats, in dem" the person completes it: 65 years
 * for births before 1947, then 65 years and 1, 2, … 12 months for 1947 … 1958, 66 years and 2, 4, … 10
 * months for 1959 … 1963, 67 years from 1964. The month in which the limit is reached still counts.
 * (Who was born on the first of a month completes an age on the last day of the month before, § 187(2)
 * BGB; with the birth month only, that day is not known, and the month of the birthday is taken.)
 */
public final class WorkingAge {

    private WorkingAge() {
    }

    /** Months beyond the 65th birthday at which § 7a puts the age limit for the year of birth. */
    public static int monthsBeyond65(int yearOfBirth) {
        if (yearOfBirth < 1947) {
            return 0;
        }
        if (yearOfBirth <= 1958) {
            return yearOfBirth - 1946;
        }
        if (yearOfBirth <= 1963) {
            return 12 + 2 * (yearOfBirth - 1958);
        }
        return 24;
    }

    /** The first month in which a person born in {@code born} is of working age (the month of the 15th birthday). */
    public static YearMonth firstMonth(YearMonth born) {
        return born.plusYears(15);
    }

    /** The last month in which a person born in {@code born} is below the § 7a age limit. */
    public static YearMonth lastMonth(YearMonth born) {
        return born.plusYears(65).plusMonths(monthsBeyond65(born.getYear()));
    }

    /** Whether a person born in {@code born} is of working age in {@code month} (§ 7(1) S. 1 Nr. 1, § 7a). */
    public static boolean in(YearMonth born, YearMonth month) {
        return !month.isBefore(firstMonth(born)) && !month.isAfter(lastMonth(born));
    }
}
