package de.auseinerhand.registry.rest;

import de.auseinerhand.registry.casefile.CaseFileView;
import de.auseinerhand.registry.casefile.CaseFiles;
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

/** The case file: one read for the whole household across the three services (staff of the case's municipality). */
@Path("/api/v1/cases/{caseId}/file")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASEWORKER, Roles.TEAM_LEAD, Roles.DISTRICT_ADMIN})
@Tag(name = "Case file", description = "The household as client-registry, benefit-calculation and job-placement know it")
@SecurityRequirement(name = "bearer")
public class CaseFileResource {

    @Inject
    CaseFiles files;

    @GET
    @Operation(summary = "Members (decrypted), case workers, the benefit decision in force, placement, and every event of the case "
            + "from every service in business-date order with a German description",
            description = "Staff of the case's municipality only (404 otherwise, and audited); the other services' events arrive "
                    + "through case-events within moments of their recording.")
    public CaseFileView file(@PathParam("caseId") String caseId) {
        return files.file(caseId);
    }
}
