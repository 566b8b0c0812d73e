package de.auseinerhand.reporting.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one small-count rule of every figure reporting publishes (domain.md, data protection: official
 * statistics suppress small numbers). A count from 1 to {@code threshold − 1} is shown as null (0 is
 * shown: "nobody" discloses no one); every value derived from a unit with fewer eLb than the threshold
 * (rates, indicators, sums of money) is null. Monthly figures, series, stocks, caseloads, comparisons and
 * the CSV export all go through here; the threshold is {@code aeh.reporting.small-count-threshold}.
 */
@ApplicationScoped
public class SmallCounts {

    @ConfigProperty(name = "aeh.reporting.small-count-threshold", defaultValue = "3")
    int threshold;

    public int threshold() {
        return threshold;
    }

    /** The count, or null when it is small enough to point at persons. */
    public Long count(long n) {
        return small(n) ? null : n;
    }

    /** True for a count from 1 to threshold − 1. */
    public boolean small(long n) {
        return n > 0 && n < threshold;
    }

    /** True when a unit has too few eLb for any value derived from it to be shown. */
    public boolean unitSuppressed(long elb) {
        return elb < threshold;
    }

    /** {@code value}, or null for a unit with fewer eLb than the threshold. */
    public BigDecimal ofUnit(long elb, BigDecimal value) {
        return unitSuppressed(elb) ? null : value;
    }
}
