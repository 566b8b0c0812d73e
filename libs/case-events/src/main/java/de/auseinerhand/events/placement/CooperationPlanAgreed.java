package de.auseinerhand.events.placement;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.OptionalField;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Cooperation plan (§ 15 SGB II) agreed; reviewed at the latest on {@code reviewBy}. */
@CaseEventType(domain = "placement", name = "cooperation-plan-agreed")
public record CooperationPlanAgreed(
        UUID planId,
        UUID personId,
        List<String> goals,
        List<String> steps,
        LocalDate reviewBy,
        @OptionalField List<String> ownEfforts,
        @OptionalField LocalDate agreedOn) implements EventData {
}
