package de.auseinerhand.registry.domain;

import de.auseinerhand.events.registry.PersonRole;
import de.auseinerhand.events.registry.Sex;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The state of one case as folded from its events. */
public record CaseState(String caseId, String municipality, LocalDate openedOn, LocalDate closedOn,
        Map<UUID, Member> members) {

    public static final CaseState NONE = new CaseState(null, null, null, null, Map.of());

    public boolean exists() {
        return caseId != null;
    }

    public boolean isOpen() {
        return exists() && closedOn == null;
    }

    public record Member(UUID personId, PersonRole role, YearMonth birthYearMonth, Sex sex, boolean employable,
            boolean singleParent, LocalDate joinedOn, LocalDate leftOn, String customerNumber,
            de.auseinerhand.events.EncryptedPii pii) {
        public boolean isCurrent() {
            return leftOn == null;
        }
    }

    CaseState withMember(Member m) {
        Map<UUID, Member> copy = new LinkedHashMap<>(members);
        copy.put(m.personId(), m);
        return new CaseState(caseId, municipality, openedOn, closedOn, copy);
    }
}
