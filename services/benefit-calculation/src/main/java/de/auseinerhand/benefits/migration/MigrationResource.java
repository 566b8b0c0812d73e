package de.auseinerhand.benefits.migration;

import com.fasterxml.jackson.databind.JsonNode;
import de.auseinerhand.benefits.domain.calculation.EntitlementCalculator;
import de.auseinerhand.servicekit.audit.AuditTrail;
import de.auseinerhand.servicekit.json.JsonHardening;
import de.auseinerhand.servicekit.problem.ValidationFailedException;
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
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * benefit-calculation's part of the migration import (issue 14 §1, docs/migration.md): the decisions and postings of a
 * batch of households, each with the case the registry made of it, taken as decided. District admins only;
 * {@code tools/migration} sends the batches after the registry's. Then the lists for case workers: the review list, and the
 * comparison of the migrated households with the engine's own computation ({@link MigrationComparison}).
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

    @Inject
    MigrationComparison comparison;

    @Inject
    EntitlementCalculator calculator;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** The longest offset into the comparison list (a district's migrated caseload, with room). */
    static final int MAX_OFFSET = 1_000_000;

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

    @POST
    @Path("/comparison")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Compare every migrated household with the engine's own computation for a month (default: the current month, "
            + "the go-live month) and store the list",
            description = "For every migrated household whose decision in force in the month is a migrated one, the month is computed "
                    + "from the case's facts under the rule set in force then and compared per person, LLU and KdU (full monthly amounts), "
                    + "with what the migrated decision pays: EQUAL, DIFFERENT or FACTS_INCOMPLETE (the engine's field and reason). Cases a "
                    + "case worker decided anew, or without a decision in force, are not compared. Nothing is changed: the result is a "
                    + "list for case workers (GET). A new run for the month replaces the month's list. Answers the counts, per "
                    + "municipality too, and the sums of the differences (computed - migrated).")
    public MigrationComparison.Summary compare(
            @Parameter(description = "the month to compare, YYYY-MM; default: the current month", example = "2026-12",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{4}-[0-9]{2}$", maxLength = 7))
            @QueryParam("month") String month) {
        ValidationFailedException.Collector v = new ValidationFailedException.Collector();
        YearMonth m = month(month, v);
        v.require(m == null || calculator.ruleSets().forMonth(m) != null, "month", "no rule set is in force in " + m);
        v.throwIfAny();
        MigrationComparison.Summary summary = comparison.compare(m);
        // the run reads every migrated case's facts: recorded as a whole, like a rule set's impact
        audit.record("compare-migrated-households", null, null);
        return summary;
    }

    @GET
    @Path("/comparison")
    @Operation(summary = "The stored comparison of migrated households with the engine's computation (for case workers)",
            description = "Per case: status, the municipality in that month, the migrated decision, migrated and computed LLU and KdU, the "
                    + "difference (computed - migrated), per person the same; for FACTS_INCOMPLETE the engine's field and reason. Largest "
                    + "absolute difference first (FACTS_INCOMPLETE last), then by case. Empty when no comparison of the month is stored.")
    public List<MigrationComparison.Item> comparison(
            @Parameter(description = "the month compared, YYYY-MM; default: the current month", example = "2026-12",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{4}-[0-9]{2}$", maxLength = 7))
            @QueryParam("month") String month,
            @Parameter(description = "only this status", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"EQUAL", "DIFFERENT", "FACTS_INCOMPLETE"}))
            @QueryParam("status") String status,
            @Parameter(description = "only this municipality (AGS)", example = "05958032",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{8}$", maxLength = 8))
            @QueryParam("municipality") String municipality,
            @Parameter(description = "only households whose total changes by at least this many euros either way (0.01 to 99999.99;"
                    + " leaves out those whose difference is only how the cents are spread among the members, and incomplete facts)",
                    example = "1.00", schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{1,5}(\\.[0-9]{1,2})?$", maxLength = 8))
            @QueryParam("minDifference") String minDifference,
            @Parameter(description = "at most this many, 1 to 1000", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "1000", defaultValue = "100"))
            @QueryParam("limit") String limit,
            @Parameter(description = "skip this many, 0 to " + MAX_OFFSET, schema = @Schema(type = SchemaType.INTEGER, minimum = "0",
                    maximum = "1000000", defaultValue = "0"))
            @QueryParam("offset") String offset) {
        ValidationFailedException.Collector v = new ValidationFailedException.Collector();
        YearMonth m = month(month, v);
        MigrationComparison.Status s = null;
        if (status != null) {
            try {
                s = MigrationComparison.Status.valueOf(status);
            } catch (IllegalArgumentException e) {
                v.require(false, "status", "one of EQUAL, DIFFERENT, FACTS_INCOMPLETE");
            }
        }
        v.require(municipality == null || municipality.matches("[0-9]{8}"), "municipality", "an AGS of 8 digits");
        java.math.BigDecimal least = null;
        if (minDifference != null && !minDifference.isEmpty()) {
            if (minDifference.matches("[0-9]{1,5}(\\.[0-9]{1,2})?") && new java.math.BigDecimal(minDifference).signum() > 0) {
                least = new java.math.BigDecimal(minDifference);
            } else {
                v.require(false, "minDifference", "an amount in euros from 0.01 to 99999.99");
            }
        }
        int l = number(limit, 100, 1, 1000, "limit", v);
        int o = number(offset, 0, 0, MAX_OFFSET, "offset", v);
        v.throwIfAny();
        List<MigrationComparison.Item> items = comparison.list(m, s, municipality, least, l, o);
        audit.recordAll("read-migration-comparison", items.stream().map(i -> new AuditTrail.Subject(i.caseId(), null)).toList());
        return items;
    }

    /** The month of a query parameter; the current month of the service's clock without one. */
    private YearMonth month(String month, ValidationFailedException.Collector v) {
        if (month == null || month.isEmpty()) {
            return YearMonth.now(clock);
        }
        try {
            return JsonHardening.parseMonth(month);
        } catch (DateTimeParseException e) {
            v.require(false, "month", "must be a month like 2026-03");
            return null;
        }
    }

    private static int number(String text, int otherwise, int min, int max, String field, ValidationFailedException.Collector v) {
        if (text == null || text.isEmpty()) {
            return otherwise;
        }
        try {
            int n = text.length() > 9 ? -1 : Integer.parseInt(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        v.require(false, field, "a whole number from " + min + " to " + max);
        return otherwise;
    }
}
