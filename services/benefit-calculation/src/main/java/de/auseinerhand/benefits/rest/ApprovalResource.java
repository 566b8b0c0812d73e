package de.auseinerhand.benefits.rest;

import de.auseinerhand.benefits.application.DecisionService;
import de.auseinerhand.servicekit.rest.RequestMetadata;
import de.auseinerhand.servicekit.security.Caller;
import de.auseinerhand.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Four-eyes approval of large or far-reaching decisions and amendments by a team lead of the municipality. */
@Path("/api/v1/benefit-approvals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TEAM_LEAD, Roles.DISTRICT_ADMIN})
@Tag(name = "Approvals", description = "Four-eyes approval of decisions")
@SecurityRequirement(name = "bearer")
public class ApprovalResource {

    @Inject
    DecisionService decisions;

    @Inject
    Caller caller;

    @Inject
    RequestMetadata request;

    @GET
    @Operation(summary = "Open requests in the caller's municipalities, oldest first")
    public List<DecisionService.PendingApproval> open() {
        return decisions.openApprovals(caller::mayAccess);
    }

    @POST
    @Path("/{approvalId}/approve")
    @Operation(summary = "Approve: the decision or amendment is recomputed from the facts as known now and recorded")
    public BenefitResource.PendingView approve(@PathParam("approvalId") UUID approvalId) {
        DecisionService.Outcome o = decisions.approve(approvalId, caller.actorId(), caller::mayAccess, request.eventMetadata());
        return new BenefitResource.PendingView(approvalId, o.decisionId() == null ? null : "decision " + o.decisionId(), "APPROVED");
    }

    @POST
    @Path("/{approvalId}/reject")
    @Operation(summary = "Reject: nothing is recorded")
    public BenefitResource.PendingView reject(@PathParam("approvalId") UUID approvalId) {
        decisions.reject(approvalId, caller.actorId(), caller::mayAccess);
        return new BenefitResource.PendingView(approvalId, null, "REJECTED");
    }
}
