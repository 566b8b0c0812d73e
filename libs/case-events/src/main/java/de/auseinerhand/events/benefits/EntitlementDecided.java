package de.auseinerhand.events.benefits;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Decision for an approval period (§ 41(3) SGB II), provisional (§ 41a) or final. */
@CaseEventType(domain = "benefits", name = "entitlement-decided")
public record EntitlementDecided(
        UUID decisionId,
        Period period,
        boolean provisional,
        String ruleSet,
        List<PersonEntitlement> perPerson,
        BigDecimal total,
        BigDecimal federalShare,
        BigDecimal municipalShare) implements EventData {
}
