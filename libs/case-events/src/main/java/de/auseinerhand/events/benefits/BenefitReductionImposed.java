package de.auseinerhand.events.benefits;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import java.time.LocalDate;
import java.util.UUID;

/** Benefit reduction (§§ 31, 31a, 32 SGB II) in percent of the standard need. */
@CaseEventType(domain = "benefits", name = "benefit-reduction-imposed")
public record BenefitReductionImposed(
        UUID personId,
        int percent,
        LocalDate from,
        LocalDate to,
        String ground) implements EventData {
}
