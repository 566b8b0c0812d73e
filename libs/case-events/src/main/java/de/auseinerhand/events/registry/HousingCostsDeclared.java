package de.auseinerhand.events.registry;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.OptionalField;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Housing and heating costs of the household (§ 22 SGB II). {@code decentralHotWater}: hot water is produced in the flat
 * (§ 21(7); absent in recordings before it was asked = false).
 */
@CaseEventType(domain = "registry", name = "housing-costs-declared")
public record HousingCostsDeclared(
        LocalDate effectiveFrom,
        BigDecimal rent,
        BigDecimal heating,
        BigDecimal utilities,
        int householdSize,
        @OptionalField BigDecimal livingSpace,
        @OptionalField Boolean decentralHotWater) implements EventData {

    public HousingCostsDeclared(LocalDate effectiveFrom, BigDecimal rent, BigDecimal heating, BigDecimal utilities, int householdSize,
            BigDecimal livingSpace) {
        this(effectiveFrom, rent, heating, utilities, householdSize, livingSpace, null);
    }
}
