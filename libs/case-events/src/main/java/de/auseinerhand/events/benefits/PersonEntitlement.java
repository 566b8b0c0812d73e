package de.auseinerhand.events.benefits;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Monthly amounts of one member in a decision; {@code llu + kdu = entitlement}. */
public record PersonEntitlement(
        UUID personId,
        BigDecimal standardNeed,
        List<AdditionalNeedAmount> additionalNeeds,
        BigDecimal housingShare,
        BigDecimal countableIncome,
        BigDecimal llu,
        BigDecimal kdu,
        BigDecimal entitlement) {
}
