package de.auseinerhand.events.placement;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.OptionalField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A person is assigned to an integration measure of the catalogue (§§ 16 ff SGB II; Zuweisung): the
 * measure is planned with its provider, period and costs but has not started yet. It starts with
 * {@link MeasureStarted} (same {@code measureId}) or is withdrawn with {@link MeasureAssignmentWithdrawn}.
 *
 * @param caseworkerId pseudonymous id of the case worker who made the assignment (token subject, never a name)
 * @param plannedCosts decimal amount in EUR with two places, absent when not known at assignment
 */
@CaseEventType(domain = "placement", name = "measure-assigned")
public record MeasureAssigned(
        UUID measureId,
        UUID personId,
        String catalogueId,
        String legalBasis,
        MeasureCategory category,
        String provider,
        LocalDate assignedOn,
        LocalDate plannedStart,
        @OptionalField LocalDate plannedEnd,
        @OptionalField BigDecimal plannedCosts,
        String caseworkerId) implements EventData {
}
