package de.auseinerhand.servicekit.security;

import de.auseinerhand.servicekit.problem.Problem;
import de.auseinerhand.servicekit.problem.ProblemException;
import de.auseinerhand.servicekit.problem.ProblemTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a portal client may do is configuration, not code: {@code aeh.portal.allowed-operations} lists
 * the operation names (e.g. {@code open-case,register-person,declare-income}). Staff roles are not
 * restricted here; their limits are the roles on the resource and their municipalities.
 */
@ApplicationScoped
public class OperationPolicy {

    @ConfigProperty(name = "aeh.portal.allowed-operations", defaultValue = "none")
    Set<String> portalOperations;

    @Inject
    Caller caller;

    public void check(String operation) {
        boolean staff = caller.hasRole(Roles.CASEWORKER) || caller.hasRole(Roles.TEAM_LEAD)
                || caller.hasRole(Roles.DISTRICT_ADMIN);
        if (!staff && caller.hasRole(Roles.PORTAL) && !portalOperations.contains(operation)) {
            throw new ProblemException(Problem.of(ProblemTypes.FORBIDDEN, "Forbidden", 403,
                    "portal clients may not " + operation.replace('-', ' ')));
        }
    }

    public boolean portalMay(String operation) {
        return portalOperations.contains(operation);
    }
}
