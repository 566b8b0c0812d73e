package de.auseinerhand.registry.domain;

import de.auseinerhand.events.EncryptedPii;
import de.auseinerhand.events.registry.PersonRole;
import de.auseinerhand.events.registry.Sex;
import java.time.LocalDate;
import java.util.UUID;

/** Commands on a case (Bedarfsgemeinschaft). */
public sealed interface CaseCommand {

    record OpenCase(String caseId, String municipality, LocalDate openedOn) implements CaseCommand {
    }

    /** {@code birthDate} is checked by the rules but travels only inside {@code pii}. */
    record RegisterPerson(UUID personId, PersonRole role, LocalDate birthDate, Sex sex, boolean employable,
            boolean singleParent, LocalDate effectiveFrom, String customerNumber, EncryptedPii pii)
            implements CaseCommand {
    }
}
