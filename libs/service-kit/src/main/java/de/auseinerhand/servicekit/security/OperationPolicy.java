package de.auseinerhand.servicekit.security;

import de.auseinerhand.servicekit.problem.Problem;
import de.auseinerhand.servicekit.problem.ProblemException;
import de.auseinerhand.servicekit.problem.ProblemTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What callers who are not staff may do is configuration, not code (issue 15 §1):
 * <ul>
 * <li>{@code aeh.portal.allowed-operations}: what a portal's own client-credentials token may do. Only operations that
 * touch no personal data belong here (the estimator, rule sets); the default is none.</li>
 * <li>{@code aeh.citizen.allowed-operations}: what a citizen may do through a portal (e.g. {@code open-case,read-case,
 * declare-income}); which cases is decided elsewhere (only the ones linked to their account).</li>
 * </ul>
 * Staff roles are not restricted here; their limits are the roles on the resource and their municipalities. Which
 * clients count as portals is {@code aeh.portal.clients} ({@link PortalGate}).
 */
@ApplicationScoped
public class OperationPolicy {

    @ConfigProperty(name = "aeh.portal.allowed-operations", defaultValue = "none")
    Set<String> portalOperations;

    @ConfigProperty(name = "aeh.citizen.allowed-operations", defaultValue = "none")
    Set<String> citizenOperations;

    @Inject
    Caller caller;

    public void check(String operation) {
        if (caller.isStaff()) {
            return;
        }
        if (caller.isCitizen()) {
            if (!citizenOperations.contains(operation)) {
                throw forbidden("citizens may not " + operation.replace('-', ' ') + " through a portal");
            }
        } else if (caller.hasRole(Roles.PORTAL) && !portalOperations.contains(operation)) {
            throw forbidden("portal clients may not " + operation.replace('-', ' '));
        }
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(ProblemTypes.FORBIDDEN, "Forbidden", 403, detail));
    }
}
