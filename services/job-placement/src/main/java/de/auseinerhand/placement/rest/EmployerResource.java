package de.auseinerhand.placement.rest;

import de.auseinerhand.eventstore.Loaded;
import de.auseinerhand.placement.application.EmployerService;
import de.auseinerhand.placement.domain.employer.EmployerDecider;
import de.auseinerhand.servicekit.command.CommandPath;
import de.auseinerhand.servicekit.idempotency.IdempotencyKeys;
import de.auseinerhand.servicekit.security.Caller;
import de.auseinerhand.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Employers (Arbeitgeber) that publish job offers. */
@Path("/api/v1/employers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASEWORKER, Roles.TEAM_LEAD, Roles.DISTRICT_ADMIN})
@Tag(name = "Employers", description = "Employers (Arbeitgeber) that publish job offers")
@SecurityRequirement(name = "bearer")
public class EmployerResource {

    @Inject
    EmployerService employers;

    @Inject
    CommandPath commands;

    @Inject
    Caller caller;

    @Schema(description = "Register an employer in one of the caller's municipalities (a business; no contact persons)")
    public record Register(@Schema(example = "Caritas-Altenzentrum St. Walburga") @NotBlank @Size(max = 200) String name,
            @Schema(example = "05958032") @NotNull @Pattern(regexp = "[0-9]{8}", message = "must be an 8-digit AGS") String municipality,
            @Schema(description = "WZ 2008 class", example = "87.10") @Pattern(regexp = "[0-9]{2}\\.[0-9]{1,2}", message = "must be a WZ 2008 class such as 87.10") String industryCode) {
    }

    public record EmployerView(UUID employerId, String name, String municipality, String industryCode, long version) {
        static EmployerView of(Loaded<EmployerDecider.State> e) {
            return new EmployerView(e.state().employerId(), e.state().name(), e.state().municipality(), e.state().industryCode(),
                    e.version());
        }
    }

    @POST
    @Operation(summary = "Register an employer", description = "Send an Idempotency-Key to make retries safe.")
    public Response register(@Parameter(description = "makes a retry return the first result") @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Valid @NotNull Register r) {
        return commands.run(key, List.of("register-employer", r), null, null, () -> {
            Loaded<EmployerDecider.State> e = employers.register(r.name(), r.municipality(), r.industryCode());
            return new CommandPath.Answer(201, "/api/v1/employers/" + e.state().employerId(), EmployerView.of(e), e.version());
        });
    }

    @GET
    @Path("/{employerId}")
    @Operation(summary = "An employer")
    public Response get(@PathParam("employerId") UUID employerId) {
        Loaded<EmployerDecider.State> e = employers.get(employerId);
        return Response.ok(EmployerView.of(e)).tag(new EntityTag(String.valueOf(e.version()))).build();
    }
}
