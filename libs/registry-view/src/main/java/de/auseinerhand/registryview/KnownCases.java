package de.auseinerhand.registryview;

import de.auseinerhand.servicekit.problem.ProblemException;
import de.auseinerhand.servicekit.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Reads of the registry view, scoped to the caller's municipalities (404 outside them). */
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
        if (!caller.mayAccess(c.municipality)) {
            audit.recordDenied(caseId);
            throw ProblemException.notFound();
        }
        return KnownCaseView.of(c, KnownPerson.list("caseId = ?1 order by joinedOn, personId", caseId));
    }
}
