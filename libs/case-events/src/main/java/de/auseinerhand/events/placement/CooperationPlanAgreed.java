package de.auseinerhand.events.placement;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EncryptedPii;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.OptionalField;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Cooperation plan (§ 15 SGB II) agreed; reviewed at the latest on {@code reviewBy}. */
// Free texts (goals, steps, ownEfforts) are null when sealed: they are then in pii (PlacementTexts, encrypted with
// the person's key); older events carry them in plain.
@CaseEventType(domain = "placement", name = "cooperation-plan-agreed")
public record CooperationPlanAgreed(
        UUID planId,
        UUID personId,
        @OptionalField List<String> goals,
        @OptionalField List<String> steps,
        LocalDate reviewBy,
        @OptionalField List<String> ownEfforts,
        @OptionalField LocalDate agreedOn,
        @OptionalField EncryptedPii pii,
        @OptionalField CooperationPlanForm form) implements EventData, PersonTexts {

    /** An agreed plan (absent {@code form}: AGREEMENT). */
    public CooperationPlanAgreed(UUID planId, UUID personId, List<String> goals, List<String> steps, LocalDate reviewBy, List<String> ownEfforts,
            LocalDate agreedOn, EncryptedPii pii) {
        this(planId, personId, goals, steps, reviewBy, ownEfforts, agreedOn, pii, null);
    }

    /** With the texts in plain (before {@code pii} was introduced, and as job-placement's decider writes them before sealing). */
    public CooperationPlanAgreed(UUID planId, UUID personId, List<String> goals, List<String> steps, LocalDate reviewBy, List<String> ownEfforts, LocalDate agreedOn) {
        this(planId, personId, goals, steps, reviewBy, ownEfforts, agreedOn, null, null);
    }
}
