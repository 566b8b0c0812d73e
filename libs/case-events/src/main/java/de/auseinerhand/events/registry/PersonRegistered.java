package de.auseinerhand.events.registry;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EncryptedPii;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.OptionalField;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/** A person registered as member of the case from {@code effectiveFrom}; identifying data only inside {@code pii}. */
@CaseEventType(domain = "registry", name = "person-registered")
public record PersonRegistered(
        UUID personId,
        PersonRole role,
        YearMonth birthYearMonth,
        Sex sex,
        boolean employable,
        boolean singleParent,
        LocalDate effectiveFrom,
        @OptionalField String customerNumber,
        EncryptedPii pii) implements EventData {
}
