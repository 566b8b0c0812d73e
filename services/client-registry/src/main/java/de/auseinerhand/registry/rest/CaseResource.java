package de.auseinerhand.registry.rest;

import de.auseinerhand.eventstore.Loaded;
import de.auseinerhand.registry.application.CaseService;
import de.auseinerhand.registry.domain.CaseState;
import de.auseinerhand.servicekit.reference.District;
import de.auseinerhand.servicekit.reference.Municipality;
import de.auseinerhand.servicekit.rest.ETags;
import de.auseinerhand.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASEWORKER, Roles.TEAM_LEAD, Roles.DISTRICT_ADMIN, Roles.PORTAL})
@Tag(name = "Cases", description = "Cases (Bedarfsgemeinschaften) and their members")
@SecurityRequirement(name = "bearer")
public class CaseResource {

    @Inject
    CaseService cases;

    @Inject
    District district;

    @POST
    @Operation(summary = "Open a case in one of the caller's municipalities")
    public Response open(@Valid @NotNull OpenCaseRequest request) {
        Loaded<CaseState> c = cases.open(request.municipality(), request.openedOn());
        return Response.created(URI.create("/api/v1/cases/" + c.state().caseId()))
                .tag(new jakarta.ws.rs.core.EntityTag(String.valueOf(c.version())))
                .entity(view(c)).build();
    }

    @GET
    @Path("/{caseId}")
    @Operation(summary = "Current state of a case; the ETag is its version for If-Match")
    public Response get(@PathParam("caseId") String caseId) {
        Loaded<CaseState> c = cases.get(caseId);
        return Response.ok(view(c)).tag(new jakarta.ws.rs.core.EntityTag(String.valueOf(c.version()))).build();
    }

    @POST
    @Path("/{caseId}/persons")
    @Operation(summary = "Register a new member of the case")
    public Response registerPerson(@PathParam("caseId") String caseId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull RegisterPersonRequest request) {
        Long expected = ETags.parseIfMatch(ifMatch);
        UUID personId = cases.registerPerson(caseId, expected, new CaseService.PersonRegistration(request.role(),
                request.firstName(), request.lastName(), request.birthDate(), request.sex(), request.employable(),
                Boolean.TRUE.equals(request.singleParent()), request.effectiveFrom(), request.customerNumber(),
                request.address(), request.phone(), request.email(), request.insuranceNumber()));
        Loaded<CaseState> c = cases.get(caseId);
        CaseView view = view(c);
        CaseView.MemberView member = view.members().stream().filter(m -> m.personId().equals(personId)).findFirst()
                .orElseThrow();
        return Response.created(URI.create("/api/v1/cases/" + caseId + "/persons/" + personId))
                .tag(new jakarta.ws.rs.core.EntityTag(String.valueOf(c.version()))).entity(member).build();
    }

    private CaseView view(Loaded<CaseState> loaded) {
        CaseState s = loaded.state();
        var members = s.members().values().stream().map(m -> {
            var pd = cases.personalData(m);
            return new CaseView.MemberView(m.personId(), m.role(), pd.map(p -> p.firstName()).orElse(null),
                    pd.map(p -> p.lastName()).orElse(null), pd.map(p -> p.birthDate()).orElse(null),
                    m.birthYearMonth(), m.sex(), m.employable(), m.singleParent(), m.joinedOn(), m.leftOn(),
                    m.customerNumber(), pd.isEmpty());
        }).toList();
        return new CaseView(s.caseId(), s.municipality(),
                district.find(s.municipality()).map(Municipality::name).orElse(null),
                s.isOpen() ? "OPEN" : "CLOSED", s.openedOn(), s.closedOn(), members, loaded.version());
    }
}
