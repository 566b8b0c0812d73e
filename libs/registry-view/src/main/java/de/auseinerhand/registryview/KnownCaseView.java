package de.auseinerhand.registryview;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A case as this service knows it, for its read endpoint. */
public record KnownCaseView(String caseId, String municipality, LocalDate openedOn, LocalDate closedOn,
        List<Person> persons) {

    public record Person(UUID personId, String role, String birthYearMonth, String sex, boolean employable,
            boolean singleParent, LocalDate joinedOn, LocalDate leftOn) {
    }

    public static KnownCaseView of(KnownCase c, List<KnownPerson> persons) {
        return new KnownCaseView(c.caseId, c.municipality, c.openedOn, c.closedOn, persons.stream()
                .map(p -> new Person(p.personId, p.role, p.birthYearMonth, p.sex, p.employable, p.singleParent,
                        p.joinedOn, p.leftOn))
                .toList());
    }
}
