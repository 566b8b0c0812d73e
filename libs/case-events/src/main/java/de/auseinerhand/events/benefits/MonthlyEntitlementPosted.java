package de.auseinerhand.events.benefits;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/** The entitlement of one case for one month as posted for payment; {@code llu} is §§ 20, 21, 23, 24(1) before reductions, {@code kdu} § 22. */
@CaseEventType(domain = "benefits", name = "monthly-entitlement-posted")
public record MonthlyEntitlementPosted(
        YearMonth month,
        List<PostedPersonAmount> perPerson,
        BigDecimal llu,
        BigDecimal kdu,
        BigDecimal reductions,
        BigDecimal payable) implements EventData {
}
