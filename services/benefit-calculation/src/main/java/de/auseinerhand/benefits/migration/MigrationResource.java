package de.auseinerhand.benefits.migration;

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
import jakarta.ws.rs.GET;
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
 * benefit-calculation's part of the migration import (issue 14 §1, docs/migration.md): the decisions and postings of a
 * batch of households, each with the case the registry made of it, taken as decided. District admins only;
 * {@code tools/migration} sends the batches after the registry's.
 */
@Path("/api/v1/admin/migration")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.DISTRICT_ADMIN)
@Tag(name = "Migration", description = "Taking over an existing caseload from an old system")
@SecurityRequirement(name = "bearer")
public class MigrationResource {

    @Inject
    BenefitMigration migration;

    @Inject
    MigrationReview review;

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

    public record Results(List<BenefitMigration.Result> results) {
    }

    @POST
    @Path("/households")
    @Operation(summary = "Take over the decisions and postings of households as decided (MIGRATED, ALREADY_MIGRATED or REJECTED)",
            description = "Each household is checked against the migration format again; its application, decisions, terminations "
                    + "and postings are decided by the benefit rules in business-date order (no overlapping decisions, postings only "
                    + "in months a decision covers, once each) and appended to the case's benefit stream with the migration as actor. "
                    + "Nothing is recomputed, no notice is issued. A household migrated before is not written again. With "
                    + "dryRun=true nothing is written (ACCEPTED or REJECTED).")
    public Results migrate(@Valid @NotNull Batch batch,
            @Parameter(description = "only check (format and benefit rules): ACCEPTED or REJECTED, nothing written")
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        return new Results(migration.importAll(batch.runId(),
                batch.households().stream().map(e -> new BenefitMigration.Entry(e.caseId(), e.household())).toList(), dryRun));
    }

    @GET
    @Path("/review")
    @Operation(summary = "Migrated decisions that changed facts or new rule data would have amended (for case workers)",
            description = "Migrated decisions are taken as decided and never recomputed; where a change after the go-live would "
                    + "amend one, the case is listed here with the cause and the first month concerned, newest first.")
    public List<MigrationReview.Item> review(
            @Parameter(description = "at most this many, 1 to 1000") @QueryParam("limit") @DefaultValue("100")
            @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(1000) int limit) {
        return review.list(limit);
    }
}
