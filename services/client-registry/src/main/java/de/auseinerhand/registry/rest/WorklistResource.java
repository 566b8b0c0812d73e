package de.auseinerhand.registry.rest;

import de.auseinerhand.registry.casefile.Worklist;
import de.auseinerhand.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The case worker's day: what is due on their cases across benefits and placement. */
@Path("/api/v1/worklist")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASEWORKER, Roles.TEAM_LEAD, Roles.DISTRICT_ADMIN})
@Tag(name = "Worklist", description = "Items due on a case worker's cases, from the events of all three services")
@SecurityRequirement(name = "bearer")
public class WorklistResource {

    @Inject
    Worklist worklist;

    @GET
    @Operation(summary = "Items due, sorted by due date, keyset-paged",
            description = "A case worker sees the cases assigned to them (any function) unless they name another case worker; a team lead "
                    + "or district admin sees every case in scope, headed by the caseload per case worker (eLb under 25 against 1:75, from "
                    + "25 against 1:150). Items appear ahead of their date (continuation six weeks, reviews two weeks) and stay when overdue.")
    public Worklist.Page list(@Parameter(description = "case-worker id as assignments use it") @QueryParam("caseworker") String caseworker,
            @QueryParam("municipality") String municipality,
            @Parameter(description = "BENEFITS, PLACEMENT or CASE_MANAGEMENT") @QueryParam("function") String function,
            @Parameter(description = "one or more item kinds") @QueryParam("kind") List<String> kinds,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return worklist.list(caseworker, municipality, function, kinds == null ? List.of() : kinds, limit, cursor);
    }
}
