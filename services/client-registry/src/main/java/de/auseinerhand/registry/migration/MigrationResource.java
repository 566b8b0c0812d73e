package de.auseinerhand.registry.migration;

import com.fasterxml.jackson.databind.JsonNode;
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
 * The registry's part of the migration import (issue 14 §1, docs/migration.md): a batch of households of the migration
 * file, each checked again and written in a transaction of its own, idempotent by household id. District admins only;
 * {@code tools/migration} sends the batches.
 */
@Path("/api/v1/admin/migration/households")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.DISTRICT_ADMIN)
@Tag(name = "Migration", description = "Taking over an existing caseload from an old system")
@SecurityRequirement(name = "bearer")
public class MigrationResource {

    @Inject
    HouseholdImport households;

    @Schema(description = "Households of the migration file (household.schema.json), at most 100 per request, and the run")
    public record Batch(
            @Schema(required = true, example = "2026-12-07-hsk") @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,39}",
                    message = "must be 1 to 40 letters, digits, dots, dashes or underscores") String runId,
            @Schema(required = true) @NotNull @Size(min = 1, max = 100) List<@NotNull JsonNode> households) {
    }

    public record Results(List<HouseholdImport.Result> results) {
    }

    @POST
    @Operation(summary = "Take over households of the old system as cases (MIGRATED, ALREADY_MIGRATED or REJECTED with the problems)",
            description = "Each household is checked against the migration format again and written in a transaction of its own: "
                    + "the case with its members (personal data encrypted), case workers, moves, unemployment, employability, "
                    + "circumstances and closing, decided by the case's rules in business-date order. A household migrated before "
                    + "is answered with its case and not written again. The accepted households of a batch are written in one "
                    + "transaction. With dryRun=true nothing is written (ACCEPTED or REJECTED).")
    public Results migrate(@Valid @NotNull Batch batch,
            @Parameter(description = "only check (format and the case's rules): ACCEPTED or REJECTED, nothing written")
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        return new Results(households.importAll(batch.runId(), batch.households(), dryRun));
    }
}
