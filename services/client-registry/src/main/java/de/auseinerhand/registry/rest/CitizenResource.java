package de.auseinerhand.registry.rest;

import de.auseinerhand.registry.application.CaseService;
import de.auseinerhand.registry.infrastructure.CaseDirectory;
import de.auseinerhand.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A citizen's own cases, through a portal acting for them (issue 15 §1). Applying is {@code POST /api/v1/cases} with the
 * citizen's token (the new case is linked to their account); everything on a linked case uses the case's endpoints.
 */
@Path("/api/v1/citizen/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CITIZEN)
@Tag(name = "Citizens", description = "What a citizen reaches through a portal: the cases linked to their account")
@SecurityRequirement(name = "bearer")
public class CitizenResource {

    @Inject
    CaseService cases;

    @Inject
    CaseViews views;

    @GET
    @Operation(summary = "The cases linked to the calling citizen's account, newest first")
    public List<CaseDirectory.CitizenCase> list() {
        return cases.casesOfCitizen();
    }

    @POST
    @Operation(summary = "Link a case to the calling citizen's account with the activation code printed for the household",
            description = "400 on activationCode when the code is unknown, used, revoked or expired (one answer for all).")
    public Response link(@Valid @NotNull CaseCommands.RedeemActivationCode request) {
        return CaseResource.ok(cases.redeemActivationCode(request.activationCode()), views);
    }
}
