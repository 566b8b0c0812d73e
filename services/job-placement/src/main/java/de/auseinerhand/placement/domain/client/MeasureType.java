package de.auseinerhand.placement.domain.client;

import de.auseinerhand.events.placement.MeasureCategory;

/**
 * An entry of the measure catalogue (reference data {@code reference/measures.json}): legal basis,
 * category and the rules the catalogue attaches to it.
 *
 * @param maxDurationMonths longest single assignment, or null
 * @param limit a cap on the time spent in measures of one group within a window of years, or null
 */
public record MeasureType(String id, String name, String legalBasis, MeasureCategory category,
        Integer maxDurationMonths, boolean requiresPlannedEnd, Limit limit) {

    /**
     * At most {@code maxMonths} within {@code withinYears} years in measures of the same legal basis; months
     * are counted as 365/12 days (24 months = 730 days, the operational convention of the official statistics).
     */
    public record Limit(int maxMonths, int withinYears) {
        public long maxDays() {
            return (long) maxMonths * 365 / 12;
        }
    }
}
