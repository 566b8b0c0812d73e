package de.auseinerhand.registry.rest;

import de.auseinerhand.eventstore.Loaded;
import de.auseinerhand.registry.application.CaseService;
import de.auseinerhand.registry.domain.CaseState;
import de.auseinerhand.servicekit.reference.District;
import de.auseinerhand.servicekit.reference.Municipality;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/** Maps the domain state to the API model (names decrypted for staff; erased persons shown as erased). */
@ApplicationScoped
public class CaseViews {

    @Inject
    CaseService cases;

    @Inject
    District district;

    public CaseView of(Loaded<CaseState> loaded) {
        CaseState s = loaded.state();
        var personal = cases.personalData(s);
        var members = s.members().values().stream().map(m -> {
            var pd = java.util.Optional.ofNullable(personal.get(m.personId()));
            return new CaseView.MemberView(m.personId(), m.role(), pd.map(p -> p.firstName()).orElse(null),
                    pd.map(p -> p.lastName()).orElse(null), pd.map(p -> p.birthDate()).orElse(null),
                    m.birthYearMonth(), m.sex(), m.employable(), m.singleParent(), m.joinedOn(), m.leftOn(),
                    m.customerNumber(), m.unemployedSince(), m.erased());
        }).toList();
        Map<String, String> caseworkers = new LinkedHashMap<>();
        s.caseworkers().forEach((f, id) -> caseworkers.put(f.name(), id));
        return new CaseView(s.caseId(), s.municipality(),
                district.find(s.municipality()).map(Municipality::name).orElse(null),
                s.isOpen() ? "OPEN" : "CLOSED", s.openedOn(), s.closedOn(), caseworkers, members, loaded.version());
    }
}
