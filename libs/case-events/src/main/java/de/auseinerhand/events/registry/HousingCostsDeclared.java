package de.auseinerhand.events.registry;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.OptionalField;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Housing and heating costs of the household (§ 22 SGB II). */
@CaseEventType(domain = "registry", name = "housing-costs-declared")
public record HousingCostsDeclared(
        LocalDate effectiveFrom,
        BigDecimal rent,
        BigDecimal heating,
        BigDecimal utilities,
        int householdSize,
        @OptionalField BigDecimal livingSpace) implements EventData {
}
