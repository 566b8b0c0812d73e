package de.auseinerhand.placement.rest;

import com.fasterxml.jackson.databind.JsonNode;
import de.auseinerhand.placement.application.PlacementMigration;
import de.auseinerhand.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * job-placement's part of the migration import (issue 14 §1, docs/migration.md): the measures and integrations of a batch
 * of households, each with the case the registry made of it. District admins only; {@code tools/migration} sends the
 * batches after the registry's (which made the person keys the free texts are sealed with).
 */
@Path("/api/v1/admin/migration")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.DISTRICT_ADMIN)
@Tag(name = "Migration", description = "Taking over an existing caseload from an old system")
@SecurityRequirement(name = "bearer")
public class MigrationResource {

    @Inject
    PlacementMigration migration;

    @Schema(description = "A household of the migration file (household.schema.json) with the case the registry made of it")
    public record Entry(
            @Schema(required = true, example = "BG-05958004-000123") @NotNull
            @Pattern(regexp = "BG-[0-9]{8}-[0-9]{6,9}", message = "must be a case number BG-<AGS>-<number>") String caseId,
            @Schema(required = true) @NotNull JsonNode household) {
    }

    @Schema(description = "Households with their cases, at most 100 per request, and the run")
    public record Batch(
            @Schema(required = true, example = "2026-12-07-hsk") @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,39}",
                    message = "must be 1 to 40 letters, digits, dots, dashes or underscores") String runId,
            @Schema(required = true) @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid Entry> households) {
    }

    public record Results(List<PlacementMigration.Result> results) {
    }

    @POST
    @Path("/households")
    @Operation(summary = "Take over the measures and integrations of households (MIGRATED, ALREADY_MIGRATED or REJECTED)",
            description = "Each household is checked against the migration format again; its measures (assigned from the catalogue, "
                    + "started, ended), integrations and employment ends are decided by the placement rules in business-date order "
                    + "(employable members of the case then, the catalogue's legal basis, duration and limits, one employment at a "
                    + "time) and appended to the case's placement stream with the migration as actor. A household migrated before is "
                    + "not written again. With dryRun=true nothing is written (ACCEPTED or REJECTED).")
    public Results migrate(@Valid @NotNull Batch batch,
            @Parameter(description = "only check (format and placement rules): ACCEPTED or REJECTED, nothing written")
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        return new Results(migration.importAll(batch.runId(),
                batch.households().stream().map(e -> new PlacementMigration.Entry(e.caseId(), e.household())).toList(), dryRun));
    }
}
