package de.auseinerhand.registry.rest;

import de.auseinerhand.registry.application.PersonSearch;
import de.auseinerhand.servicekit.problem.ValidationFailedException;
import de.auseinerhand.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/persons")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASEWORKER, Roles.TEAM_LEAD, Roles.DISTRICT_ADMIN})
@Tag(name = "Search", description = "Find persons and their cases within the caller's municipalities")
@SecurityRequirement(name = "bearer")
public class PersonSearchResource {

    @Inject
    PersonSearch search;

    @GET
    @Operation(summary = "Search persons by name prefix, birth date, customer number or case worker; cursor-paginated")
    public PersonSearch.Page find(
            @Parameter(description = "prefix; umlauts may be written ae/oe/ue") @QueryParam("lastName") String lastName,
            @QueryParam("firstName") String firstName,
            @Parameter(description = "YYYY-MM-DD") @QueryParam("birthDate") String birthDate,
            @QueryParam("customerNumber") String customerNumber,
            @Parameter(description = "case worker id in any function") @QueryParam("caseworker") String caseworker,
            @Parameter(description = "page size, at most " + PersonSearch.MAX_LIMIT) @QueryParam("limit") @DefaultValue("20") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        LocalDate born = null;
        if (birthDate != null && !birthDate.isBlank()) {
            try {
                born = de.auseinerhand.servicekit.json.JsonHardening.parseDate(birthDate);
            } catch (DateTimeParseException e) {
                throw ValidationFailedException.of("birthDate", "must be a date (YYYY-MM-DD)");
            }
        }
        int size;
        try {
            size = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw ValidationFailedException.of("limit", "must be an integer");
        }
        return search.search(new PersonSearch.Criteria(lastName, firstName, born, customerNumber, caseworker), size, cursor);
    }
}
