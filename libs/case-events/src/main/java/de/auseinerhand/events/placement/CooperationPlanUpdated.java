package de.auseinerhand.events.placement;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EncryptedPii;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.OptionalField;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Cooperation plan (§ 15 SGB II) updated after a review. */
// Free texts (goals, steps, ownEfforts) are null when sealed: they are then in pii (PlacementTexts, encrypted with
// the person's key); older events carry them in plain.
@CaseEventType(domain = "placement", name = "cooperation-plan-updated")
public record CooperationPlanUpdated(
        UUID planId,
        UUID personId,
        @OptionalField List<String> goals,
        @OptionalField List<String> steps,
        LocalDate reviewBy,
        @OptionalField List<String> ownEfforts,
        @OptionalField LocalDate reviewedOn,
        @OptionalField EncryptedPii pii,
        @OptionalField CooperationPlanForm form) implements EventData, PersonTexts {

    /** An agreed plan (absent {@code form}: AGREEMENT). */
    public CooperationPlanUpdated(UUID planId, UUID personId, List<String> goals, List<String> steps, LocalDate reviewBy, List<String> ownEfforts,
            LocalDate reviewedOn, EncryptedPii pii) {
        this(planId, personId, goals, steps, reviewBy, ownEfforts, reviewedOn, pii, null);
    }

    /** With the texts in plain (before {@code pii} was introduced, and as job-placement's decider writes them before sealing). */
    public CooperationPlanUpdated(UUID planId, UUID personId, List<String> goals, List<String> steps, LocalDate reviewBy, List<String> ownEfforts, LocalDate reviewedOn) {
        this(planId, personId, goals, steps, reviewBy, ownEfforts, reviewedOn, null, null);
    }
}
