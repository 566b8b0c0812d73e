package de.auseinerhand.events.benefits;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import java.time.LocalDate;
import java.util.UUID;

/** A benefit reduction ends early (§ 31a(1) SGB II). */
@CaseEventType(domain = "benefits", name = "benefit-reduction-lifted")
public record BenefitReductionLifted(
        UUID personId,
        int percent,
        LocalDate from,
        LocalDate to,
        String ground) implements EventData {
}
