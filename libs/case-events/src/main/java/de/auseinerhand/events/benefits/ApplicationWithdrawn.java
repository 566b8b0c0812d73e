package de.auseinerhand.events.benefits;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import java.time.LocalDate;

/**
 * The applicant withdrew an application that was still waiting for its decision (a declaration of intent that ends the
 * administrative procedure, § 8 SGB X): no decision follows from it. {@code applicationFrom} is the withdrawn
 * application's first day. A decided period is not withdrawn; it ends by termination.
 */
@CaseEventType(domain = "benefits", name = "application-withdrawn")
public record ApplicationWithdrawn(
        LocalDate applicationFrom,
        LocalDate withdrawnOn) implements EventData {
}
