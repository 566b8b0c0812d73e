package de.auseinerhand.placement.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Statutory wage figures the placement rules check, by the date they apply from. */
public final class WageRules {

    /** Statutory minimum wage per hour (§ 1 MiLoG with the Mindestlohnanpassungsverordnungen). */
    private static final NavigableMap<LocalDate, BigDecimal> MINIMUM_WAGE = new TreeMap<>(Map.of(
            LocalDate.of(2022, 10, 1), new BigDecimal("12.00"),
            LocalDate.of(2024, 1, 1), new BigDecimal("12.41"),
            LocalDate.of(2025, 1, 1), new BigDecimal("12.82"),
            LocalDate.of(2026, 1, 1), new BigDecimal("13.90"),
            LocalDate.of(2027, 1, 1), new BigDecimal("14.60")));

    /** Monthly earnings limit of marginal employment (§ 8(1a) SGB IV: minimum wage × 130 / 3, rounded up). */
    private static final NavigableMap<LocalDate, BigDecimal> MINIJOB_LIMIT = new TreeMap<>(Map.of(
            LocalDate.of(2022, 10, 1), new BigDecimal("520.00"),
            LocalDate.of(2024, 1, 1), new BigDecimal("538.00"),
            LocalDate.of(2025, 1, 1), new BigDecimal("556.00"),
            LocalDate.of(2026, 1, 1), new BigDecimal("603.00"),
            LocalDate.of(2027, 1, 1), new BigDecimal("633.00")));

    private WageRules() {
    }

    /** The minimum wage on {@code date}, or null before the first known figure. */
    public static BigDecimal minimumWage(LocalDate date) {
        Map.Entry<LocalDate, BigDecimal> e = MINIMUM_WAGE.floorEntry(date);
        return e == null ? null : e.getValue();
    }

    public static BigDecimal minijobLimit(LocalDate date) {
        Map.Entry<LocalDate, BigDecimal> e = MINIJOB_LIMIT.floorEntry(date);
        return e == null ? null : e.getValue();
    }
}
