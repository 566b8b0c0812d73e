package de.auseinerhand.events.registry;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A person's ability to work at least three hours a day (§ 8 SGB II) from {@code effectiveFrom}, in either
 * direction, with what it rests on; no free text (the reasons are health data and stay in the case file).
 * Whether the person counts as an employable beneficiary also needs the age range of § 7(1) Nr. 1, § 7a
 * ({@link WorkingAge}): a person registered under 15 counts as able to work from the 15th birthday unless
 * this event says otherwise.
 */
@CaseEventType(domain = "registry", name = "employability-changed")
public record EmployabilityChanged(
        UUID personId,
        boolean employable,
        LocalDate effectiveFrom,
        EmployabilityBasis basis) implements EventData {
}
