package de.auseinerhand.benefits.rest;

import de.auseinerhand.benefits.domain.calculation.CalculationSheet;
import de.auseinerhand.benefits.domain.calculation.EntitlementCalculator;
import de.auseinerhand.benefits.domain.calculation.InvalidHouseholdException;
import de.auseinerhand.servicekit.problem.ValidationFailedException;
import de.auseinerhand.servicekit.security.Roles;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The stateless benefit estimator for portals: a household and a month in, the explained
 * calculation sheet out. Nothing is stored and no personal data is needed.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASEWORKER, Roles.TEAM_LEAD, Roles.DISTRICT_ADMIN, Roles.DISTRICT_ANALYST, Roles.PORTAL})
@Tag(name = "Calculations", description = "Bürgergeld estimator (stateless)")
@SecurityRequirement(name = "bearer")
public class CalculationResource {

    static final String SINGLE_PARENT_EXAMPLE = """
            {"month": "2024-03", "municipality": "05958032",
             "members": [
               {"id": "p1", "role": "HEAD", "age": 30, "singleParent": true},
               {"id": "p2", "role": "CHILD", "age": 4, "incomes": [{"kind": "CHILD_BENEFIT", "gross": 250.00, "paidTo": "p1"}]}],
             "housing": {"rent": 500.00, "heating": 100.00, "personsInHousehold": 2}}""";

    static final String WAGE_EXAMPLE = """
            {"month": "2024-03", "municipality": "05958032",
             "members": [{"id": "p1", "role": "HEAD", "age": 35,
               "incomes": [{"kind": "EMPLOYMENT", "gross": 800.00, "socialContributions": 160.00}]}],
             "housing": {"rent": 400.00, "heating": 80.00}}""";

    @Inject
    EntitlementCalculator calculator;

    private final Counter calculations;

    @Inject
    public CalculationResource(MeterRegistry registry) {
        this.calculations = Counter.builder("aeh_calculations_total").description("stateless benefit calculations answered")
                .register(registry);
    }

    public record RuleSetView(String id, LocalDate validFrom) {
    }

    @POST
    @Path("/calculations")
    @Operation(summary = "Calculate Bürgergeld for a household and a month",
            description = "Returns the calculation sheet: per person and item the amount, the paragraph and the rule set, the "
                    + "entitlement split into LLU (federal: §§ 20, 21, 23, 24(1), § 72) and KdU (municipal: § 22). "
                    + "Bad input is answered with application/problem+json naming the field. Nothing is stored.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "single parent with a child of 4 (1,492.68 €)", value = SINGLE_PARENT_EXAMPLE),
            @ExampleObject(name = "single adult earning 800 € gross (671.00 €)", value = WAGE_EXAMPLE)}))
    public CalculationSheet calculate(CalculationRequest request) {
        if (request == null) {
            throw ValidationFailedException.of("body", "a household is required");
        }
        try {
            CalculationSheet sheet = calculator.calculate(CalculationMapper.toHousehold(request));
            calculations.increment();
            return sheet;
        } catch (InvalidHouseholdException e) {
            throw CalculationMapper.toValidation(e);
        }
    }

    @GET
    @Path("/rule-sets")
    @Operation(summary = "The rule sets in force, each valid from its date until the next one starts")
    public List<RuleSetView> ruleSets() {
        return calculator.ruleSets().all().stream().map(r -> new RuleSetView(r.id(), r.validFrom())).toList();
    }
}
