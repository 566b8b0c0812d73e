package de.auseinerhand.events.benefits;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import java.time.LocalDate;

/**
 * The cost-reduction notice no longer applies from {@code withdrawnOn} (a reduction is impossible or unreasonable, § 22(1)
 * S. 7: actual costs again from that month); {@code reason} is a category, not free text.
 *
 * @param reason NO_CHEAPER_HOUSING, UNREASONABLE (e.g. illness, a child's school), COSTS_LOWERED or OTHER
 */
@CaseEventType(domain = "benefits", name = "cost-reduction-notice-withdrawn")
public record CostReductionNoticeWithdrawn(LocalDate issuedOn, LocalDate withdrawnOn, String reason) implements EventData {
}
