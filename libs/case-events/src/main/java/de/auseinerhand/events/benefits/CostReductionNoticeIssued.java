package de.auseinerhand.events.benefits;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import java.time.LocalDate;

/**
 * The agency asks the household to lower housing costs above the adequacy limit (§ 22(1) S. 7 SGB II): actual costs are
 * recognised for at most six further months (rule data) after the notice and after the waiting period, then only the
 * adequate costs.
 */
@CaseEventType(domain = "benefits", name = "cost-reduction-notice-issued")
public record CostReductionNoticeIssued(LocalDate issuedOn) implements EventData {
}
