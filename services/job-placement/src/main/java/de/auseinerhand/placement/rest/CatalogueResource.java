package de.auseinerhand.placement.rest;

import de.auseinerhand.placement.application.ReviewDueList;
import de.auseinerhand.placement.domain.client.MeasureType;
import de.auseinerhand.placement.infrastructure.ReferenceData;
import de.auseinerhand.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reference data and work lists of placement. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASEWORKER, Roles.TEAM_LEAD, Roles.DISTRICT_ADMIN})
@Tag(name = "Placement work lists and reference data")
@SecurityRequirement(name = "bearer")
public class CatalogueResource {

    @Inject
    Clock clock;

    @Inject
    ReferenceData reference;

    @Inject
    ReviewDueList dueList;

    /** The measure catalogue as data: legal basis, category and rules of every measure. */
    public record Catalogue(String version, List<MeasureType> measures) {
    }

    @GET
    @Path("/measure-catalogue")
    @Operation(summary = "The measure catalogue (§§ 16 ff SGB II) with legal basis, category and limits")
    public Catalogue catalogue() {
        return new Catalogue(reference.catalogueVersion(), reference.measures());
    }

    @GET
    @Path("/cooperation-plan-reviews")
    @Operation(summary = "Cooperation plans due for review by a date (§ 15(3) SGB II) in the caller's municipalities",
            description = "Ordered by review date; each listed person is recorded in the audit trail.")
    public ReviewDueList.Page due(@Parameter(description = "default: today") @QueryParam("dueBy") LocalDate dueBy,
            @Parameter(description = "only cases of this placement case worker") @QueryParam("caseworker") String caseworker,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return dueList.dueBy(dueBy == null ? LocalDate.now(clock) : dueBy, caseworker, cursor, limit);
    }
}
