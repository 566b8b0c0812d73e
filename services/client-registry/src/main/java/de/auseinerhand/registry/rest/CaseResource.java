package de.auseinerhand.registry.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.auseinerhand.events.EventCodec;
import de.auseinerhand.eventstore.Loaded;
import de.auseinerhand.registry.application.CaseService;
import de.auseinerhand.registry.domain.CaseCommand;
import de.auseinerhand.registry.domain.CaseState;
import de.auseinerhand.servicekit.idempotency.IdempotencyKeys;
import de.auseinerhand.servicekit.rest.ETags;
import de.auseinerhand.servicekit.security.Caller;
import de.auseinerhand.servicekit.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Cases and their lifecycle. Every update is an explicit command that needs {@code If-Match} with the
 * case's ETag (412 when stale, 428 when missing) and answers the case's new state and ETag.
 */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASEWORKER, Roles.TEAM_LEAD, Roles.DISTRICT_ADMIN, Roles.CITIZEN})
@Tag(name = "Cases", description = "Cases (Bedarfsgemeinschaften) and their lifecycle")
@SecurityRequirement(name = "bearer")
public class CaseResource {

    @Inject
    CaseService cases;

    @Inject
    CaseViews views;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    Caller caller;

    @POST
    @Operation(summary = "Open a case in one of the caller's municipalities",
            description = "Send an Idempotency-Key to make retries safe: a retry returns the first result.")
    public Response open(@Parameter(description = "makes a retry return the first result") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Valid @NotNull OpenCaseRequest request) {
        IdempotencyKeys.Outcome<CaseView> outcome = QuarkusTransaction.requiringNew().call(() ->
                idempotency.once(caller.actorId(), idempotencyKey, List.of("open-case", request), CaseView.class, () -> {
                    Loaded<CaseState> c = cases.open(request.municipality(), request.openedOn());
                    return new IdempotencyKeys.Outcome<>(201, "/api/v1/cases/" + c.state().caseId(), views.of(c), false);
                }));
        return Response.status(outcome.status()).location(URI.create(outcome.location()))
                .tag(new EntityTag(String.valueOf(outcome.body().version()))).entity(outcome.body()).build();
    }

    @GET
    @Path("/{caseId}")
    @Operation(summary = "Current state of a case; the ETag is its version for If-Match")
    public Response get(@PathParam("caseId") String caseId) {
        return ok(cases.get(caseId));
    }

    @GET
    @Path("/{caseId}/history")
    @Operation(summary = "Every event of the case in order, readable; personal data stays encrypted")
    public List<HistoryEntry> history(@PathParam("caseId") String caseId) {
        return cases.history(caseId).stream().map(e -> {
            JsonNode data = e.envelope().data().deepCopy();
            if (data instanceof ObjectNode o && o.has("pii")) {
                o.put("pii", "[encrypted personal data]");
            }
            String type = e.envelope().type();
            String shortType = type.substring("de.auseinerhand.".length());
            return new HistoryEntry(e.envelope().streamversion(), shortType, e.envelope().time(),
                    e.envelope().actor(), data);
        }).toList();
    }

    /** One event of a case's history. */
    public record HistoryEntry(long version, String type, Instant recordedAt, String actor, JsonNode data) {
    }

    @POST
    @Path("/{caseId}/close")
    @Operation(summary = "Close the case")
    public Response close(@PathParam("caseId") String caseId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CaseCommands.Close request) {
        return ok(cases.execute("close-case", caseId, ETags.requireIfMatch(ifMatch), null,
                s -> new CaseCommand.CloseCase(request.effectiveFrom(), request.reason())));
    }

    @POST
    @Path("/{caseId}/move")
    @Operation(summary = "Move the case to another municipality of the district (responsibility and access move from the effective date)")
    public Response move(@PathParam("caseId") String caseId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CaseCommands.Move request) {
        return ok(cases.execute("move-case", caseId, ETags.requireIfMatch(ifMatch), null,
                s -> new CaseCommand.MoveCase(request.toMunicipality(), request.effectiveFrom())));
    }

    @POST
    @Path("/{caseId}/caseworkers")
    @Operation(summary = "Assign a case worker for benefits, placement or case management")
    public Response assign(@PathParam("caseId") String caseId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CaseCommands.AssignCaseworker request) {
        return ok(cases.execute("assign-caseworker", caseId, ETags.requireIfMatch(ifMatch), null,
                s -> new CaseCommand.AssignCaseworker(request.caseworkerId(), request.function(), request.effectiveFrom())));
    }

    @POST
    @Path("/{caseId}/incomes")
    @Operation(summary = "Declare income of a member")
    public Response income(@PathParam("caseId") String caseId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CaseCommands.Income r) {
        return ok(cases.execute("declare-income", caseId, ETags.requireIfMatch(ifMatch), r.personId(),
                s -> new CaseCommand.DeclareIncome(r.personId(), r.kind(), r.fromMonth(), r.toMonth(), r.gross(), r.net(),
                        r.socialContributions(), Boolean.TRUE.equals(r.earnedBeforeBirth()))));
    }

    @POST
    @Path("/{caseId}/housing-costs")
    @Operation(summary = "Declare the household's housing and heating costs")
    public Response housing(@PathParam("caseId") String caseId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CaseCommands.HousingCosts r) {
        return ok(cases.execute("declare-housing-costs", caseId, ETags.requireIfMatch(ifMatch), null,
                s -> new CaseCommand.DeclareHousingCosts(r.effectiveFrom(), r.rent(), r.heating(), r.utilities(),
                        r.householdSize(), r.livingSpace(), Boolean.TRUE.equals(r.decentralHotWater()))));
    }

    @POST
    @Path("/{caseId}/assets")
    @Operation(summary = "Declare an asset of a member")
    public Response assets(@PathParam("caseId") String caseId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CaseCommands.Assets r) {
        return ok(cases.execute("declare-assets", caseId, ETags.requireIfMatch(ifMatch), r.personId(),
                s -> new CaseCommand.DeclareAssets(r.personId(), r.kind(), r.value(), r.effectiveFrom(), Boolean.TRUE.equals(r.ownerOccupied()),
                        r.livingSpace(), Boolean.TRUE.equals(r.house()), Boolean.TRUE.equals(r.recognisedPensionProvision()))));
    }

    @POST
    @Path("/{caseId}/activation-codes")
    @RolesAllowed({Roles.CASEWORKER, Roles.TEAM_LEAD, Roles.DISTRICT_ADMIN})
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Issue a one-time activation code for the household (after checking the citizen's identity)",
            description = "The citizen enters the code at a portal and their account is linked to the case. Single use, valid "
                    + "30 days; a new code revokes the unused earlier ones. The code is shown once and never stored.")
    public Response issueActivationCode(@PathParam("caseId") String caseId) {
        return Response.status(201).entity(cases.issueActivationCode(caseId)).build();
    }

    @POST
    @Path("/{caseId}/citizens/unlink")
    @RolesAllowed({Roles.CASEWORKER, Roles.TEAM_LEAD, Roles.DISTRICT_ADMIN})
    @Operation(summary = "Remove a citizen's account from the case")
    public Response unlinkCitizen(@PathParam("caseId") String caseId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CaseCommands.UnlinkCitizen request) {
        return ok(cases.unlinkCitizen(caseId, ETags.requireIfMatch(ifMatch), request.citizenId(), request.reason()));
    }

    static Response ok(Loaded<CaseState> c, CaseViews views) {
        return Response.ok(views.of(c)).tag(new EntityTag(String.valueOf(c.version()))).build();
    }

    private Response ok(Loaded<CaseState> c) {
        return ok(c, views);
    }
}
