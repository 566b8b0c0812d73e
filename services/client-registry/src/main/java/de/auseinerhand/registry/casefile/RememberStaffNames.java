package de.auseinerhand.registry.casefile;

import de.auseinerhand.servicekit.security.Caller;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Every staff request teaches the staff directory the caller's display name (a write only when it is new to this instance). */
@Provider
@Priority(Priorities.USER)
public class RememberStaffNames implements ContainerRequestFilter {

    @Inject
    StaffDirectory staff;

    @Inject
    Caller caller;

    @Inject
    JsonWebToken token;

    @Override
    public void filter(ContainerRequestContext request) {
        if (token != null && token.getRawToken() != null) {
            staff.remember(caller, token);
        }
    }
}
