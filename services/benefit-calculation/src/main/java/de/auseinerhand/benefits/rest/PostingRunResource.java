package de.auseinerhand.benefits.rest;

import de.auseinerhand.benefits.application.PostingRuns;
import de.auseinerhand.servicekit.problem.Problem;
import de.auseinerhand.servicekit.problem.ProblemException;
import de.auseinerhand.servicekit.problem.ProblemTypes;
import de.auseinerhand.servicekit.problem.ValidationFailedException;
import de.auseinerhand.servicekit.security.Caller;
import de.auseinerhand.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The monthly posting run (district admin): start or resume it, follow its progress. */
@Path("/api/v1/posting-runs/{month}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.DISTRICT_ADMIN)
@Tag(name = "Postings", description = "Monthly entitlement postings")
@SecurityRequirement(name = "bearer")
public class PostingRunResource {

    @Inject
    PostingRuns runs;

    @Inject
    Caller caller;

    @POST
    @Operation(summary = "Start the run for a month, or resume an interrupted one; each case is posted once per month")
    public Response start(@PathParam("month") String month) {
        YearMonth m = month(month);
        if (!runs.start(m, caller.actorId())) {
            throw new ProblemException(new Problem(ProblemTypes.CONFLICT, "Run in progress", 409,
                    "the posting run for " + m + " is running", null, "run-in-progress", null));
        }
        return Response.accepted(runs.status(m)).location(URI.create("/api/v1/posting-runs/" + m)).build();
    }

    @GET
    @Operation(summary = "Progress of the run: RUNNING, DONE, FAILED or INTERRUPTED (start it again to resume)")
    public PostingRuns.RunStatus status(@PathParam("month") String month) {
        PostingRuns.RunStatus s = runs.status(month(month));
        if (s == null) {
            throw ProblemException.notFound();
        }
        return s;
    }

    private static YearMonth month(String month) {
        try {
            return de.auseinerhand.servicekit.json.JsonHardening.parseMonth(month);
        } catch (DateTimeParseException e) {
            throw ValidationFailedException.of("month", "must be a month like 2026-03");
        }
    }
}
