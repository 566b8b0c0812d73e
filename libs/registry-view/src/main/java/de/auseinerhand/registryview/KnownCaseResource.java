package de.auseinerhand.registryview;

import de.auseinerhand.servicekit.audit.AuditTrail;
import java.util.List;

import de.auseinerhand.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Served by every service that includes this library: its own view of the registry's cases. */
@Path("/api/v1/known-cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASEWORKER, Roles.TEAM_LEAD, Roles.DISTRICT_ADMIN})
@Tag(name = "Known cases", description = "The cases and persons this service knows from the registry's events")
@SecurityRequirement(name = "bearer")
public class KnownCaseResource {

    @Inject
    KnownCases knownCases;

    @Inject
    AuditTrail audit;

    @GET
    @Path("/{caseId}")
    @Operation(summary = "A case and its members as this service knows them (no names)")
    @jakarta.transaction.Transactional
    public KnownCaseView get(@PathParam("caseId") String caseId) {
        KnownCaseView view = knownCases.get(caseId);
        // members' birth month, sex and employability are personal data: the read is audited with the answer
        List<AuditTrail.Subject> read = view.persons().stream().map(p -> new AuditTrail.Subject(caseId, p.personId())).toList();
        if (read.isEmpty()) {
            audit.record("read-known-case", caseId, null);
        } else {
            audit.recordAll("read-known-case", read);
        }
        return view;
    }
}
