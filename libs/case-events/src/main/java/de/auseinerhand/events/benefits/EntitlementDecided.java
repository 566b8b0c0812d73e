package de.auseinerhand.events.benefits;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.OptionalField;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Decision for an approval period (§ 41(3) SGB II), provisional (§ 41a) or final. A final decision
 * after a provisional one names it in {@code replacesDecisionId} and states the {@code settlement}
 * for the period (§ 41a(6): positive = back-payment, negative = reclaim; {@code reclaimWaived} when
 * a reclaim under the threshold for the whole case is not pursued).
 */
@CaseEventType(domain = "benefits", name = "entitlement-decided")
public record EntitlementDecided(
        UUID decisionId,
        Period period,
        boolean provisional,
        String ruleSet,
        List<PersonEntitlement> perPerson,
        BigDecimal total,
        BigDecimal federalShare,
        BigDecimal municipalShare,
        @OptionalField UUID replacesDecisionId,
        @OptionalField BigDecimal settlement,
        @OptionalField Boolean reclaimWaived) implements EventData {
}
