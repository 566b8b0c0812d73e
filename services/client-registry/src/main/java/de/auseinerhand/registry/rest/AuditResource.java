package de.auseinerhand.registry.rest;

import de.auseinerhand.servicekit.audit.AuditTrail;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Read-only view of the audit trail for the district's data-protection work; there is no way to change it. */
@Path("/api/v1/audit-records")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.DISTRICT_ADMIN)
@Tag(name = "Audit", description = "Who read or wrote whose data")
@SecurityRequirement(name = "bearer")
public class AuditResource {

    @Inject
    AuditTrail audit;

    public record Page(List<AuditTrail.AuditRecord> items, String nextCursor) {
    }

    @GET
    @Operation(summary = "Audit records of a case or of a user (actor id), newest first")
    public Page find(@QueryParam("caseId") String caseId, @QueryParam("actor") String actor,
            @QueryParam("limit") @DefaultValue("50") String limitParam, @QueryParam("cursor") String cursor) {
        int limit;
        try {
            limit = Integer.parseInt(limitParam);
        } catch (NumberFormatException e) {
            throw ValidationFailedException.of("limit", "must be an integer");
        }
        if ((caseId == null || caseId.isBlank()) && (actor == null || actor.isBlank())) {
            throw ValidationFailedException.of("caseId", "give caseId or actor");
        }
        if (limit < 1 || limit > 500) {
            throw ValidationFailedException.of("limit", "must be between 1 and 500");
        }
        Long before = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                before = Long.parseLong(cursor);
            } catch (NumberFormatException e) {
                throw ValidationFailedException.of("cursor", "is not a cursor returned by this API");
            }
        }
        List<AuditTrail.AuditRecord> items = audit.find(blankToNull(caseId), blankToNull(actor), before, limit + 1);
        String next = null;
        if (items.size() > limit) {
            items = items.subList(0, limit);
            next = String.valueOf(items.get(limit - 1).id());
        }
        return new Page(items, next);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
