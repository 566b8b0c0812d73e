package de.auseinerhand.registry.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.auseinerhand.events.registry.PersonRole;
import de.auseinerhand.events.registry.Sex;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A case as the API shows it; {@code version} equals the ETag. */
public record CaseView(String caseId, String municipality, String municipalityName, String status,
        LocalDate openedOn, LocalDate closedOn, Map<String, String> caseworkers, List<MemberView> members,
        long version) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MemberView(UUID personId, PersonRole role, String firstName, String lastName, LocalDate birthDate,
            YearMonth birthYearMonth, Sex sex, boolean employable, boolean singleParent, LocalDate joinedOn,
            LocalDate leftOn, String customerNumber, LocalDate unemployedSince, boolean erased) {
    }
}
