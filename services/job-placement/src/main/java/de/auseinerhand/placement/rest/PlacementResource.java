package de.auseinerhand.placement.rest;

import de.auseinerhand.eventstore.Loaded;
import de.auseinerhand.placement.application.Matching;
import de.auseinerhand.placement.application.OfferService;
import de.auseinerhand.placement.application.PlacementService;
import de.auseinerhand.placement.domain.client.MeasureType;
import de.auseinerhand.placement.domain.client.MemberFacts;
import de.auseinerhand.placement.domain.client.PlacementCommand;
import de.auseinerhand.placement.domain.client.PlacementState;
import de.auseinerhand.matching.Match;
import de.auseinerhand.matching.MatchProfile;
import de.auseinerhand.placement.domain.offer.OfferState;
import de.auseinerhand.placement.infrastructure.QueryTables;
import de.auseinerhand.placement.infrastructure.ReferenceData;
import de.auseinerhand.servicekit.command.CommandPath;
import de.auseinerhand.servicekit.idempotency.IdempotencyKeys;
import de.auseinerhand.servicekit.problem.ValidationFailedException;
import de.auseinerhand.servicekit.rest.ETags;
import de.auseinerhand.servicekit.security.Caller;
import de.auseinerhand.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The placement file of a case: profiles, cooperation plans, proposals, measures, integrations. The
 * ETag is the version of the case's placement file; updates need it as {@code If-Match} (412 when
 * stale, 428 when missing); creating requests take an {@code Idempotency-Key} and an optional
 * {@code If-Match}. A case outside the caller's municipalities answers 404 like an unknown one.
 */
@Path("/api/v1/cases/{caseId}/placement")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASEWORKER, Roles.TEAM_LEAD, Roles.DISTRICT_ADMIN})
@Tag(name = "Placement", description = "The placement file of a case (Vermittlung, Kooperationsplan, Maßnahmen, Integrationen)")
@SecurityRequirement(name = "bearer")
public class PlacementResource {

    @Inject
    Clock clock;

    @Inject
    PlacementService placement;

    @Inject
    OfferService offers;

    @Inject
    Matching matching;

    @Inject
    ReferenceData reference;

    @Inject
    QueryTables tables;

    @Inject
    CommandPath commands;

    @Inject
    Caller caller;

    /** The answer to a creating request: the id of what was created and the placement view after it. */
    public record Created(UUID id, PlacementViews.CaseView placement) {
    }

    @GET
    @Operation(summary = "The placement view of a case: every member with profile, plan, proposals, measures, employments, "
            + "six-month continuation after integrations and recorded breaches of duty; audited")
    public Response get(@PathParam("caseId") String caseId) {
        PlacementService.CaseFile f = placement.view(caseId);
        return Response.ok(PlacementViews.CaseView.of(f, LocalDate.now(clock)))
                .tag(new EntityTag(String.valueOf(f.placement().version()))).build();
    }

    @PUT
    @Path("/persons/{personId}/profile")
    @Operation(summary = "Record the placement profile of an employable member (replaces the previous one)")
    public Response profile(@PathParam("caseId") String caseId, @PathParam("personId") UUID personId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull PlacementRequests.Profile r) {
        return update("record-profile", caseId, personId, ifMatch, m -> new PlacementCommand.RecordProfile(m,
                r.qualifications(), r.occupationsSought(), r.experienceYears(), r.languages(),
                Boolean.TRUE.equals(r.drivingLicence()), r.mobilityRadiusKm(), r.maxHoursPerWeek(), r.constraints(),
                r.availableFrom()));
    }

    @POST
    @Path("/persons/{personId}/cooperation-plan")
    @Operation(summary = "Agree the cooperation plan (§ 15 SGB II)")
    public Response agreePlan(@PathParam("caseId") String caseId, @PathParam("personId") UUID personId,
            @Parameter(description = "makes a retry return the first result") @HeaderParam(IdempotencyKeys.HEADER) String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull PlacementRequests.AgreePlan r) {
        UUID planId = UUID.randomUUID();
        return create("agree-cooperation-plan", caseId, personId, key, ifMatch, r, planId, m -> new PlacementCommand.AgreePlan(m,
                planId, r.goals(), r.ownEfforts(), r.steps(), r.agreedOn(), r.reviewBy(), r.form()));
    }

    @POST
    @Path("/persons/{personId}/cooperation-plan/reviews")
    @Operation(summary = "Record a review of the cooperation plan with its updated content and next review date")
    public Response reviewPlan(@PathParam("caseId") String caseId, @PathParam("personId") UUID personId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull PlacementRequests.ReviewPlan r) {
        return update("review-cooperation-plan", caseId, personId, ifMatch, m -> new PlacementCommand.UpdatePlan(personId,
                r.goals(), r.ownEfforts(), r.steps(), r.reviewedOn(), r.reviewBy(), r.form()));
    }

    @POST
    @Path("/persons/{personId}/cooperation-plan/dispute")
    @Operation(summary = "Start the dispute procedure (§ 15a SGB II); no benefit reduction while it runs")
    public Response startDispute(@PathParam("caseId") String caseId, @PathParam("personId") UUID personId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull PlacementRequests.StartDispute r) {
        return update("start-plan-dispute", caseId, personId, ifMatch,
                m -> new PlacementCommand.StartDispute(personId, r.startedOn(), r.subject()));
    }

    @POST
    @Path("/persons/{personId}/cooperation-plan/dispute/end")
    @Operation(summary = "End the dispute procedure (at most four weeks after its start)")
    public Response endDispute(@PathParam("caseId") String caseId, @PathParam("personId") UUID personId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull PlacementRequests.EndDispute r) {
        return update("end-plan-dispute", caseId, personId, ifMatch,
                m -> new PlacementCommand.EndDispute(personId, r.endedOn(), r.outcome()));
    }

    @GET
    @Path("/persons/{personId}/offers")
    @Operation(summary = "Open offers for the client, best first, with the points and reason of every factor",
            description = "Deterministic: score, then distance, then offer id. Page with the returned cursor.")
    public PlacementViews.MatchPage<PlacementViews.OfferMatch> offers(@PathParam("caseId") String caseId,
            @PathParam("personId") UUID personId,
            @QueryParam("minScore") @DefaultValue("0") @Min(0) @Max(100) int minScore,
            @Parameter(description = "also offers beyond the client's mobility radius") @QueryParam("includeOutsideRadius") @DefaultValue("false") boolean outside,
            @Parameter(description = "KldB 2010 prefix, e.g. 821") @QueryParam("occupation") @Pattern(regexp = "[0-9]{1,5}", message = "must be 1 to 5 digits of a KldB 2010 code") String occupation,
            @QueryParam("municipality") @Pattern(regexp = "[0-9]{8}", message = "must be an 8-digit AGS") String municipality,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Matching.MAX_LIMIT) int limit) {
        Matching.Page<Matching.OfferHit> page = matching.offersFor(caseId, personId,
                new Matching.Filter(minScore, outside, occupation, municipality), cursor, limit);
        return new PlacementViews.MatchPage<>(page.items().stream().map(h -> new PlacementViews.OfferMatch(h.offer().offerId(),
                h.offer().title(), h.offer().occupationCode(), h.offer().municipality(), h.offer().hoursPerWeek(),
                h.offer().startDate(), h.match().score(), h.match().distanceKm(), h.match().withinRadius(),
                PlacementViews.FactorView.of(h.match()))).toList(), page.nextCursor());
    }

    @POST
    @Path("/persons/{personId}/proposals")
    @Operation(summary = "Propose an open offer to the client; the matching score and its reasons are recorded")
    public Response propose(@PathParam("caseId") String caseId, @PathParam("personId") UUID personId,
            @Parameter(description = "makes a retry return the first result") @HeaderParam(IdempotencyKeys.HEADER) String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull PlacementRequests.Propose r) {
        return create("propose-offer", caseId, personId, key, ifMatch, r, r.offerId(), m -> {
            OfferState offer = offers.get(r.offerId()).state();
            MatchProfile profile = matching.profileOf(caseId, personId);
            BigDecimal score = BigDecimal.ZERO.setScale(2);
            List<String> reasons = List.of("no profile recorded");
            if (profile != null) {
                Match match = matching.explain(profile, Matching.matchOffer(offer));
                score = BigDecimal.valueOf(match.score()).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
                reasons = match.factors().stream().map(f -> f.name() + " " + f.points() + "/" + f.max() + ": " + f.reason()).toList();
            }
            return new PlacementCommand.Propose(m, offer.offerId(), offer.isOpen(), offer.title(),
                    r.proposedOn() == null ? LocalDate.now(clock) : r.proposedOn(), score, reasons);
        });
    }

    @POST
    @Path("/persons/{personId}/proposals/{offerId}/outcome")
    @Operation(summary = "Record what became of a proposal (applied, interview, hired, rejected with reason)")
    public Response outcome(@PathParam("caseId") String caseId, @PathParam("personId") UUID personId,
            @PathParam("offerId") UUID offerId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull PlacementRequests.Outcome r) {
        return update("record-placement-outcome", caseId, personId, ifMatch, m -> new PlacementCommand.RecordOutcome(personId,
                offerId, r.outcome(), r.occurredOn(), r.reason(), Boolean.TRUE.equals(r.withoutImportantReason())));
    }

    @POST
    @Path("/persons/{personId}/measure-assignments")
    @Operation(summary = "Assign a measure of the catalogue (§§ 16 ff SGB II) before it starts",
            description = "Limits (e.g. § 16d(6) SGB II: 24 months in five years) and overlaps with measures of the same "
                    + "legal basis are checked on the planned period. The assignment shows in the placement view with status "
                    + "ASSIGNED until it is started or withdrawn. The caller is recorded as the assigning case worker.")
    public Response assignMeasure(@PathParam("caseId") String caseId, @PathParam("personId") UUID personId,
            @Parameter(description = "makes a retry return the first result") @HeaderParam(IdempotencyKeys.HEADER) String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull PlacementRequests.AssignMeasure r) {
        MeasureType type = catalogueEntry(r.catalogueId());
        UUID measureId = UUID.randomUUID();
        String caseworker = caseworkerId();
        return create("assign-measure", caseId, personId, key, ifMatch, r, measureId, m -> new PlacementCommand.AssignMeasure(m,
                measureId, type, r.provider(), r.assignedOn() == null ? LocalDate.now(clock) : r.assignedOn(), r.plannedStart(),
                r.plannedEnd(), r.plannedCosts(), caseworker, tables.measuresElsewhere(personId, caseId)));
    }

    @POST
    @Path("/persons/{personId}/measures/{measureId}/start")
    @Operation(summary = "Start an assigned measure (within its assigned period); actual costs default to the planned ones")
    public Response startAssignedMeasure(@PathParam("caseId") String caseId, @PathParam("personId") UUID personId,
            @PathParam("measureId") UUID measureId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull PlacementRequests.StartAssignedMeasure r) {
        return update("start-assigned-measure", caseId, personId, ifMatch,
                m -> new PlacementCommand.StartMeasure(m, measureId, r.start(), r.costs()));
    }

    @POST
    @Path("/persons/{personId}/measures/{measureId}/withdrawal")
    @Operation(summary = "Withdraw an assignment before the measure started, with the reason")
    public Response withdrawAssignment(@PathParam("caseId") String caseId, @PathParam("personId") UUID personId,
            @PathParam("measureId") UUID measureId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull PlacementRequests.WithdrawAssignment r) {
        return update("withdraw-measure-assignment", caseId, personId, ifMatch,
                m -> new PlacementCommand.WithdrawAssignment(personId, measureId, r.withdrawnOn(), r.reason(), r.remark()));
    }

    @POST
    @Path("/persons/{personId}/measures")
    @Operation(summary = "Assign and start a measure of the catalogue in one step (§§ 16 ff SGB II)",
            description = "Records measure-assigned (assigned on the start day, or today for a start in the future) and "
                    + "measure-started together; the same rules as an assignment apply.")
    public Response startMeasure(@PathParam("caseId") String caseId, @PathParam("personId") UUID personId,
            @Parameter(description = "makes a retry return the first result") @HeaderParam(IdempotencyKeys.HEADER) String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull PlacementRequests.StartMeasure r) {
        MeasureType type = catalogueEntry(r.catalogueId());
        UUID measureId = UUID.randomUUID();
        String caseworker = caseworkerId();
        LocalDate today = LocalDate.now(clock);
        LocalDate assignedOn = r.start() != null && r.start().isAfter(today) ? today : r.start();
        return create("start-measure", caseId, personId, key, ifMatch, r, measureId, m -> new PlacementCommand.AssignAndStartMeasure(
                new PlacementCommand.AssignMeasure(m, measureId, type, r.provider(), assignedOn, r.start(), r.plannedEnd(),
                        r.costs(), caseworker, tables.measuresElsewhere(personId, caseId)), r.start(), r.costs()));
    }

    @POST
    @Path("/persons/{personId}/measures/{measureId}/end")
    @Operation(summary = "End a measure with its result; breaking it off without an important reason records a breach of duty")
    public Response endMeasure(@PathParam("caseId") String caseId, @PathParam("personId") UUID personId,
            @PathParam("measureId") UUID measureId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull PlacementRequests.EndMeasure r) {
        return update("end-measure", caseId, personId, ifMatch, m -> new PlacementCommand.EndMeasure(personId, measureId,
                r.end(), r.result(), r.remark(), Boolean.TRUE.equals(r.withoutImportantReason())));
    }

    @POST
    @Path("/persons/{personId}/integrations")
    @Operation(summary = "Record that the person takes up work, training or self-employment")
    public Response integration(@PathParam("caseId") String caseId, @PathParam("personId") UUID personId,
            @Parameter(description = "makes a retry return the first result") @HeaderParam(IdempotencyKeys.HEADER) String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull PlacementRequests.Integration r) {
        return create("record-integration", caseId, personId, key, ifMatch, r, personId, m -> new PlacementCommand.RecordIntegration(m,
                r.kind(), r.startDate(), r.employerId(), r.hoursPerWeek(), r.monthlyWage(), r.subsidy()));
    }

    @POST
    @Path("/persons/{personId}/employment-end")
    @Operation(summary = "The recorded employment of the person ends")
    public Response endEmployment(@PathParam("caseId") String caseId, @PathParam("personId") UUID personId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull PlacementRequests.EndEmployment r) {
        return update("end-employment", caseId, personId, ifMatch,
                m -> new PlacementCommand.EndEmployment(personId, r.endDate(), r.reason()));
    }

    private Response update(String operation, String caseId, UUID personId, String ifMatch,
            Function<MemberFacts, PlacementCommand> command) {
        long expected = ETags.requireIfMatch(ifMatch);
        Loaded<PlacementState> after = placement.execute(operation, caseId, personId, expected, command);
        return Response.ok(view(caseId)).tag(new EntityTag(String.valueOf(after.version()))).build();
    }

    private Response create(String operation, String caseId, UUID personId, String key, String ifMatch, Object request,
            UUID createdId, Function<MemberFacts, PlacementCommand> command) {
        // the command path: a retry with the key gets the first answer; scope check, decision, append and audit
        // (PlacementService.execute, with the person) in one transaction
        return commands.run(key, List.of(operation, caseId, personId, request), null, caseId, () -> {
            Long expected = ETags.parseIfMatch(ifMatch);
            Loaded<PlacementState> after = placement.execute(operation, caseId, personId, expected, command);
            return new CommandPath.Answer(201, "/api/v1/cases/" + caseId + "/placement", new Created(createdId, view(caseId)), after.version());
        });
    }

    private MeasureType catalogueEntry(String catalogueId) {
        return reference.measure(catalogueId)
                .orElseThrow(() -> ValidationFailedException.of("catalogueId", "is not an entry of the measure catalogue"));
    }

    /** The caller as the case worker of an assignment: the pseudonymous token subject, without the actor prefix. */
    private String caseworkerId() {
        String actor = caller.actorId();
        return actor.substring(actor.indexOf(':') + 1);
    }

    private PlacementViews.CaseView view(String caseId) {
        return PlacementViews.CaseView.of(placement.view(caseId), LocalDate.now(clock));
    }
}
