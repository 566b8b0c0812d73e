package de.auseinerhand.reporting.rest;

import de.auseinerhand.reporting.facts.Rebuilds;
import de.auseinerhand.servicekit.audit.AuditTrail;
import de.auseinerhand.servicekit.problem.Problem;
import de.auseinerhand.servicekit.problem.ProblemException;
import de.auseinerhand.servicekit.problem.ProblemTypes;
import de.auseinerhand.servicekit.security.Caller;
import de.auseinerhand.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Rebuild of the indicator facts from offset 0 of case-events with zero downtime (district admin, audited). */
@Path("/api/v1/admin/rebuilds")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.DISTRICT_ADMIN)
@Tag(name = "Operations", description = "Projection rebuilds")
@SecurityRequirement(name = "bearer")
public class RebuildResource {

    @Inject
    Rebuilds rebuilds;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @POST
    @Operation(summary = "Start a rebuild: a new version is built beside the live one and becomes active atomically when caught up; "
            + "409 while one runs")
    public Response start() {
        Rebuilds.Progress p = rebuilds.start(caller.actorId());
        if (p == null) {
            throw new ProblemException(new Problem(ProblemTypes.CONFLICT, "Rebuild in progress", 409, "a rebuild is running", null,
                    "rebuild-running", null));
        }
        audit.record("start-projection-rebuild", null, null);
        return Response.accepted(p).location(URI.create("/api/v1/admin/rebuilds/current")).build();
    }

    @GET
    @Path("/current")
    @Operation(summary = "Progress of the running or last rebuild: events, events/s, lag, ETA, checksums after the switch")
    public Rebuilds.Progress current() {
        Rebuilds.Progress p = rebuilds.progress();
        if (p == null) {
            throw ProblemException.notFound();
        }
        return p;
    }
}
