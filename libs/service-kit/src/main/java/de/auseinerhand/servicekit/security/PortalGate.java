package de.auseinerhand.servicekit.security;

import de.auseinerhand.servicekit.problem.Problem;
import de.auseinerhand.servicekit.problem.ProblemTypes;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A citizen reaches the APIs only through a registered portal (issue 15 §1): a token with the role {@code citizen} must
 * have been issued to (exchanged by) one of {@code aeh.portal.clients}; a citizen's token from any other client of the
 * realm (a CLI, the dashboard) is refused with 403. Which portals exist is configuration.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class PortalGate implements ContainerRequestFilter {

    @ConfigProperty(name = "aeh.portal.clients", defaultValue = "none")
    Set<String> portalClients;

    @Inject
    Caller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() == null || !caller.isCitizen()) {
            return;
        }
        if (!portalClients.contains(caller.portalClient())) {
            request.abortWith(Response.status(403).type(MediaType.valueOf(Problem.MEDIA_TYPE))
                    .entity(Problem.of(ProblemTypes.FORBIDDEN, "Forbidden", 403,
                            "citizens reach this service only through a registered portal")).build());
        }
    }
}
