package de.auseinerhand.registry.domain;

import de.auseinerhand.events.EncryptedPii;
import de.auseinerhand.events.registry.CaseworkerFunction;
import de.auseinerhand.events.registry.PersonRole;
import de.auseinerhand.events.registry.Sex;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The state of one case as folded from its events. */
public record CaseState(String caseId, String municipality, LocalDate openedOn, LocalDate closedOn,
        Map<UUID, Member> members, Map<CaseworkerFunction, String> caseworkers, Set<String> citizens) {

    public static final CaseState NONE = new CaseState(null, null, null, null, Map.of(), Map.of(), Set.of());

    /** Whether the citizen's account is linked to the case (they may act on it through a portal). */
    public boolean linkedTo(String citizenId) {
        return citizenId != null && citizens.contains(citizenId);
    }

    CaseState withCitizen(String citizenId, boolean linked) {
        Set<String> copy = new java.util.TreeSet<>(citizens);
        if (linked) {
            copy.add(citizenId);
        } else {
            copy.remove(citizenId);
        }
        return new CaseState(caseId, municipality, openedOn, closedOn, members, caseworkers, copy);
    }

    public boolean exists() {
        return caseId != null;
    }

    public boolean isOpen() {
        return exists() && closedOn == null;
    }

    public record Member(UUID personId, PersonRole role, YearMonth birthYearMonth, Sex sex, boolean employable,
            boolean singleParent, LocalDate joinedOn, LocalDate leftOn, String customerNumber, EncryptedPii pii,
            LocalDate unemployedSince, boolean erased) {

        public boolean isCurrent() {
            return leftOn == null;
        }

        Member withEmployable(boolean value) {
            return new Member(personId, role, birthYearMonth, sex, value, singleParent, joinedOn, leftOn, customerNumber, pii,
                    unemployedSince, erased);
        }

        Member left(LocalDate on) {
            return new Member(personId, role, birthYearMonth, sex, employable, singleParent, joinedOn, on,
                    customerNumber, pii, unemployedSince, erased);
        }

        Member rejoined(PersonRole newRole, LocalDate on) {
            return new Member(personId, newRole, birthYearMonth, sex, employable, singleParent, on, null,
                    customerNumber, pii, unemployedSince, erased);
        }

        Member unemployedSince(LocalDate since) {
            return new Member(personId, role, birthYearMonth, sex, employable, singleParent, joinedOn, leftOn,
                    customerNumber, pii, since, erased);
        }

        Member erasedData() {
            return new Member(personId, role, birthYearMonth, sex, employable, singleParent, joinedOn, leftOn,
                    customerNumber, null, unemployedSince, true);
        }
    }

    CaseState withMember(Member m) {
        Map<UUID, Member> copy = new LinkedHashMap<>(members);
        copy.put(m.personId(), m);
        return new CaseState(caseId, municipality, openedOn, closedOn, copy, caseworkers, citizens);
    }

    CaseState withCaseworker(CaseworkerFunction function, String caseworkerId) {
        Map<CaseworkerFunction, String> copy = new LinkedHashMap<>(caseworkers);
        copy.put(function, caseworkerId);
        return new CaseState(caseId, municipality, openedOn, closedOn, members, copy, citizens);
    }

    CaseState movedTo(String newMunicipality) {
        return new CaseState(caseId, newMunicipality, openedOn, closedOn, members, caseworkers, citizens);
    }

    CaseState closed(LocalDate on) {
        return new CaseState(caseId, municipality, openedOn, on, members, caseworkers, citizens);
    }
}
