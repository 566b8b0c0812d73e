package de.auseinerhand.events.registry;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The health facts of {@link CircumstancesRecorded}, as they are before encryption into its {@code pii} (Art. 9 GDPR).
 * Only services that need them for a decision decrypt them, and they keep no decrypted copy.
 *
 * @param expectedDelivery            pregnant, with the expected date of delivery (§ 21(2): additional need from the 13th
 *                                    week, i.e. from 196 days before it, to the end of the month of delivery); null = not
 *                                    pregnant
 * @param deliveredOn                 the pregnancy ended on this day (birth or otherwise); null = not yet
 * @param disabledWithIntegrationHelp employable with a disability and receiving integration help (§ 21(4))
 * @param disabilityMarkG             disability card with mark G (§ 23 Nr. 4, for those not able to work)
 * @param costlyDiet                  monthly amount of a medically required costly diet (§ 21(5)); null or 0 = none
 */
public record HealthFacts(
        LocalDate expectedDelivery,
        LocalDate deliveredOn,
        boolean disabledWithIntegrationHelp,
        boolean disabilityMarkG,
        BigDecimal costlyDiet) {

    public static final HealthFacts NONE = new HealthFacts(null, null, false, false, null);

    /** 12 weeks of 40 before the expected delivery: the 13th week begins 28 weeks (196 days) before it. */
    public static final int DAYS_FROM_13TH_WEEK_TO_DELIVERY = 196;

    /** The first day of the § 21(2) additional need, or null when not pregnant. */
    public LocalDate pregnancyNeedFrom() {
        return expectedDelivery == null ? null : expectedDelivery.minusDays(DAYS_FROM_13TH_WEEK_TO_DELIVERY);
    }

    /** The last day of the § 21(2) additional need: the end of the month of the delivery (or of the expected one). */
    public LocalDate pregnancyNeedTo() {
        if (expectedDelivery == null) {
            return null;
        }
        LocalDate delivery = deliveredOn != null ? deliveredOn : expectedDelivery;
        return delivery.withDayOfMonth(delivery.lengthOfMonth());
    }
}
