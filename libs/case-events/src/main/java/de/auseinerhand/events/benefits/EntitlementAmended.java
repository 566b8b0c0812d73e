package de.auseinerhand.events.benefits;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Amendment of a decision from {@code effectiveFrom}, possibly in the past (SGB X §§ 44, 48). */
@CaseEventType(domain = "benefits", name = "entitlement-amended")
public record EntitlementAmended(
        UUID decisionId,
        LocalDate effectiveFrom,
        String reason,
        String ruleSet,
        List<PersonEntitlement> perPerson,
        BigDecimal total,
        BigDecimal federalShare,
        BigDecimal municipalShare) implements EventData {
}
