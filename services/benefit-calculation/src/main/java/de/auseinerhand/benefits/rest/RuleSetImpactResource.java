package de.auseinerhand.benefits.rest;

import com.fasterxml.jackson.databind.JsonNode;
import de.auseinerhand.benefits.application.RuleSetImpact;
import de.auseinerhand.benefits.domain.calculation.EntitlementCalculator;
import de.auseinerhand.benefits.domain.rules.RuleSet;
import de.auseinerhand.benefits.infrastructure.RuleFiles;
import de.auseinerhand.servicekit.audit.AuditTrail;
import de.auseinerhand.servicekit.problem.ValidationFailedException;
import de.auseinerhand.servicekit.security.Caller;
import de.auseinerhand.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What a rule change costs, before it takes effect: for the district's treasurer and its analysts. */
@Path("/api/v1/rule-sets/impact")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.DISTRICT_ADMIN, Roles.DISTRICT_ANALYST})
@Tag(name = "Rule sets")
@SecurityRequirement(name = "bearer")
public class RuleSetImpactResource {

    @Inject
    RuleSetImpact impact;

    @Inject
    EntitlementCalculator calculator;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    /**
     * @param month            the month to compute (YYYY-MM)
     * @param candidate        the id of a loaded rule set, or
     * @param candidateRuleSet a rule set in the format of {@code rule-sets.json} (validated like the rule data)
     * @param baseline         the id of the rule set to compare with; default: the one in force for the month other than the candidate
     */
    public record ImpactRequest(String month, String candidate, JsonNode candidateRuleSet, String baseline) {
    }

    @POST
    @Operation(summary = "Compute every decision in force in a month under a candidate rule set and a baseline, from the stored facts",
            description = "Per municipality and for the district: households, households whose amount changes, the change of LLU (federal) "
                    + "and KdU (municipal), the ten largest changes (pseudonymous; the case id only for staff of the municipality). Writes "
                    + "nothing.")
    public RuleSetImpact.Result impact(ImpactRequest r) {
        ValidationFailedException.Collector v = new ValidationFailedException.Collector();
        v.require(r != null, "body", "is required");
        v.throwIfAny();
        YearMonth month = null;
        try {
            month = r.month() == null ? null : de.auseinerhand.servicekit.json.JsonHardening.parseMonth(r.month());
        } catch (DateTimeParseException e) {
            v.require(false, "month", "a month like 2026-07");
        }
        v.require(r.month() != null, "month", "is required");
        v.require((r.candidate() == null) != (r.candidateRuleSet() == null), "candidate", "name a loaded rule set or send candidateRuleSet, one of them");
        v.require(r.candidate() == null || r.candidate().length() <= 40, "candidate", "at most 40 characters");
        v.require(r.baseline() == null || r.baseline().length() <= 40, "baseline", "at most 40 characters");
        v.throwIfAny();
        RuleSet candidate;
        if (r.candidate() != null) {
            candidate = byId(r.candidate(), "candidate");
        } else {
            try {
                candidate = RuleFiles.parseRuleSet(r.candidateRuleSet(), "candidateRuleSet");
            } catch (IllegalStateException | java.time.DateTimeException e) {
                throw ValidationFailedException.of("candidateRuleSet", e.getMessage());
            }
        }
        RuleSet baseline;
        if (r.baseline() != null) {
            baseline = byId(r.baseline(), "baseline");
        } else {
            YearMonth m = month;
            baseline = calculator.ruleSets().all().stream().filter(x -> !x.id().equals(candidate.id()) && !x.validFrom().isAfter(m.atDay(1)))
                    .reduce((a, b) -> b).orElseThrow(() -> ValidationFailedException.of("baseline", "no other rule set is in force in " + m));
        }
        // case ids only for staff of the case's municipality; analysts see aggregates and pseudonyms
        boolean staff = caller.roles().contains(Roles.DISTRICT_ADMIN) || caller.roles().contains(Roles.TEAM_LEAD)
                || caller.roles().contains(Roles.CASEWORKER);
        RuleSetImpact.Result result = impact.compute(month, baseline, candidate, m -> staff && caller.mayAccess(m));
        audit.record("rule-set-impact", null, null);
        return result;
    }

    private RuleSet byId(String id, String field) {
        List<RuleSet> all = calculator.ruleSets().all();
        return all.stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> ValidationFailedException.of(field, "no rule set " + id + " is loaded; loaded: "
                        + all.stream().map(RuleSet::id).toList()));
    }
}
