package de.auseinerhand.registryview;

import de.auseinerhand.servicekit.problem.ProblemException;
import de.auseinerhand.servicekit.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Reads of the registry view, scoped to the caller's municipalities, or for a citizen to the cases linked to their account
 * (404 outside them).
 */
@ApplicationScoped
public class KnownCases {

    @Inject
    Caller caller;

    @Inject
    de.auseinerhand.servicekit.audit.AuditTrail audit;

    @Transactional(Transactional.TxType.SUPPORTS)
    public KnownCaseView get(String caseId) {
        KnownCase c = caseId == null ? null : KnownCase.findById(caseId);
        if (c == null) {
            throw ProblemException.notFound();
        }
        boolean allowed = caller.isCitizen() ? linked(caseId, caller.citizenId()) : caller.mayAccess(c.municipality);
        if (!allowed) {
            audit.recordDenied(caseId);
            throw ProblemException.notFound();
        }
        return KnownCaseView.of(c, KnownPerson.list("caseId = ?1 order by joinedOn, personId", caseId));
    }

    /** Whether the citizen's account is linked to the case (registry.citizen-linked, not since unlinked). */
    static boolean linked(String caseId, String citizenId) {
        return !KnownCase.getEntityManager().createNativeQuery(
                "select 1 from known_case_citizen where citizen_id = ?1 and case_id = ?2")
                .setParameter(1, citizenId).setParameter(2, caseId).getResultList().isEmpty();
    }
}
