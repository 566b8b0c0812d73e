package de.auseinerhand.events.placement;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.OptionalField;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Cooperation plan (§ 15 SGB II) updated after a review. */
@CaseEventType(domain = "placement", name = "cooperation-plan-updated")
public record CooperationPlanUpdated(
        UUID planId,
        UUID personId,
        List<String> goals,
        List<String> steps,
        LocalDate reviewBy,
        @OptionalField List<String> ownEfforts,
        @OptionalField LocalDate reviewedOn) implements EventData {
}
