package de.auseinerhand.reporting.rest;

import de.auseinerhand.servicekit.problem.ValidationFailedException;
import de.auseinerhand.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/stocks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.DISTRICT_ANALYST, Roles.DISTRICT_ADMIN, Roles.TEAM_LEAD, Roles.CASEWORKER})
@Tag(name = "Stocks", description = "Aggregated stocks; never persons")
@SecurityRequirement(name = "bearer")
public class StocksResource {

    @Inject
    StocksQuery query;

    @GET
    @Operation(summary = "Open cases and persons at the end of a month, per municipality and for the district")
    public StocksView stocks(@Parameter(description = "reporting month", example = "2026-03", required = true)
            @QueryParam("month") String month) {
        if (month == null || month.isBlank()) {
            throw ValidationFailedException.of("month", "is required (YYYY-MM)");
        }
        try {
            return query.at(de.auseinerhand.servicekit.json.JsonHardening.parseMonth(month));
        } catch (DateTimeParseException e) {
            throw ValidationFailedException.of("month", "must be a month (YYYY-MM)");
        }
    }
}
