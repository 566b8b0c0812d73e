package de.auseinerhand.benefits.rest;

import de.auseinerhand.benefits.application.DecisionService;
import de.auseinerhand.benefits.domain.decision.BenefitState;
import de.auseinerhand.eventstore.Loaded;
import de.auseinerhand.registryview.KnownCases;
import de.auseinerhand.servicekit.audit.AuditTrail;
import de.auseinerhand.servicekit.command.CommandPath;
import de.auseinerhand.servicekit.idempotency.IdempotencyKeys;
import de.auseinerhand.servicekit.problem.ProblemException;
import de.auseinerhand.servicekit.problem.ValidationFailedException;
import de.auseinerhand.servicekit.rest.ETags;
import de.auseinerhand.servicekit.rest.RequestMetadata;
import de.auseinerhand.servicekit.security.Caller;
import de.auseinerhand.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A case's benefits: application, decisions with their calculation sheets, final decisions after
 * provisional ones, terminations. Amendments follow the registry's facts by themselves. Every
 * update needs {@code If-Match} with the ETag of {@code GET .../benefits} (the first application of
 * a case creates its history and needs none); 404 for cases outside the caller's municipalities.
 */
@Path("/api/v1/cases/{caseId}/benefits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASEWORKER, Roles.TEAM_LEAD, Roles.DISTRICT_ADMIN})
@Tag(name = "Benefits", description = "Applications, decisions, amendments and terminations per case")
@SecurityRequirement(name = "bearer")
public class BenefitResource {

    @Inject
    Clock clock;

    @Inject
    DecisionService decisions;

    @Inject
    KnownCases knownCases;

    @Inject
    AuditTrail audit;

    @Inject
    RequestMetadata request;

    @Inject
    CommandPath commands;

    /** The longest reason a case worker may give (it travels in the event). */
    static final int MAX_REASON = 500;

    @Inject
    Caller caller;

    @Inject
    de.auseinerhand.servicekit.security.OperationPolicy policy;

    public record ApplicationRequest(LocalDate receivedOn) {
    }

    public record DecisionRequest(Boolean provisional) {
    }

    public record TerminationRequest(LocalDate effectiveFrom, String reason) {
    }

    /** Either {@code breachId} (recorded by job placement) or {@code personId}, {@code kind} and {@code occurredOn}. */
    public record ReductionRequest(UUID breachId, UUID personId, String kind, LocalDate occurredOn, LocalDate hearingOn, LocalDate from) {
    }

    public record LiftRequest(UUID personId, LocalDate from, LocalDate lastDay, String reason) {
    }

    /** 202 answer when a team lead must approve first. */
    public record PendingView(UUID approvalId, String reason, String status) {
    }

    @GET
    @RolesAllowed({Roles.CASEWORKER, Roles.TEAM_LEAD, Roles.DISTRICT_ADMIN, Roles.CITIZEN})
    @Operation(summary = "The case's benefit history: application, decisions with their amount schedules, posted months",
            description = "Also for the citizen whose account is linked to the case, through their portal.")
    public Response get(@PathParam("caseId") String caseId) {
        policy.check("read-benefits");
        knownCases.get(caseId);
        Loaded<BenefitState> loaded = decisions.load(caseId);
        audit.record("read-benefits", caseId, null);
        return ok(caseId, loaded, 200);
    }

    @POST
    @Path("/application")
    @RolesAllowed({Roles.CASEWORKER, Roles.TEAM_LEAD, Roles.DISTRICT_ADMIN, Roles.CITIZEN})
    @Operation(summary = "Record an application (§ 37 SGB II): benefits from the first day of its month",
            description = "With an Idempotency-Key a retry returns the first answer, whatever changed since. A citizen applies "
                    + "through their portal on a case linked to their account; their application is received today (receivedOn "
                    + "may be left out). Until the new case has reached this service the answer is 404: retry with the same key.")
    public Response apply(@PathParam("caseId") String caseId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(IdempotencyKeys.HEADER) String key, ApplicationRequest body) {
        policy.check("record-application");
        return commands.run(key, List.of("application", caseId, body == null ? "" : body), "record-application", caseId, () -> {
            knownCases.get(caseId);
            LocalDate today = LocalDate.now(clock);
            if (caller.isCitizen() && body != null && body.receivedOn() != null && !body.receivedOn().equals(today)) {
                throw ValidationFailedException.of("receivedOn", "is the day the application reaches us (" + today + ") when a citizen applies; leave it out");
            }
            LocalDate receivedOn = caller.isCitizen() ? today : body == null ? null : body.receivedOn();
            if (receivedOn == null) {
                throw ValidationFailedException.of("receivedOn", "is required");
            }
            if (receivedOn.isAfter(today.plusDays(1))) {
                throw ValidationFailedException.of("receivedOn", "lies in the future");
            }
            Long expected = decisions.load(caseId).exists() ? Long.valueOf(ETags.requireIfMatch(ifMatch)) : ETags.parseIfMatch(ifMatch);
            Loaded<BenefitState> after = decisions.receiveApplication(caseId, receivedOn, expected, request.eventMetadata());
            return new CommandPath.Answer(201, "/api/v1/cases/" + caseId + "/benefits", BenefitView.of(caseId, after), after.version());
        });
    }

    @POST
    @Path("/application/withdrawal")
    @RolesAllowed({Roles.CASEWORKER, Roles.TEAM_LEAD, Roles.DISTRICT_ADMIN, Roles.CITIZEN})
    @Operation(summary = "Withdraw the application that waits for its decision (the applicant's declaration, today)",
            description = "409 no-pending-application when every application is decided (a decided period ends by termination).")
    public Response withdrawApplication(@PathParam("caseId") String caseId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        policy.check("withdraw-application");
        return commands.run(key, List.of("application-withdrawal", caseId), "withdraw-application", caseId, () -> {
            knownCases.get(caseId);
            Loaded<BenefitState> after = decisions.withdrawApplication(caseId, LocalDate.now(clock), ETags.requireIfMatch(ifMatch),
                    request.eventMetadata());
            return new CommandPath.Answer(200, null, BenefitView.of(caseId, after), after.version());
        });
    }

    @POST
    @Path("/decisions")
    @Operation(summary = "Decide the next approval period from the facts as known (12 months; 6 when provisional or housing costs are too high)",
            description = "201 with the decision, or 202 when it waits for a team lead (four-eyes: above the amount limit or reaching "
                    + "back further than the configured months). With an Idempotency-Key a retry returns the first answer.")
    public Response decide(@PathParam("caseId") String caseId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(IdempotencyKeys.HEADER) String key, DecisionRequest body) {
        boolean provisional = body != null && Boolean.TRUE.equals(body.provisional());
        return commands.run(key, List.of("decision", caseId, provisional), "decide-benefits", caseId, () -> {
            knownCases.get(caseId);
            long expected = ETags.requireIfMatch(ifMatch);
            return answer(caseId, decisions.decide(caseId, provisional, expected, caller.actorId(), request.eventMetadata()));
        });
    }

    @POST
    @Path("/decisions/{decisionId}/final")
    @Operation(summary = "Make a provisional decision final (§ 41a SGB II) with back-payment or reclaim; reclaims under the threshold are waived")
    public Response finalise(@PathParam("caseId") String caseId, @PathParam("decisionId") UUID decisionId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return commands.run(key, List.of("final", caseId, decisionId), "finalise-decision", caseId, () -> {
            knownCases.get(caseId);
            return answer(caseId, decisions.finalise(caseId, decisionId, ETags.requireIfMatch(ifMatch), caller.actorId(),
                    request.eventMetadata()));
        });
    }

    @POST
    @Path("/decisions/{decisionId}/termination")
    @Operation(summary = "Terminate a decision from a date (SGB X §§ 45, 48)")
    public Response terminate(@PathParam("caseId") String caseId, @PathParam("decisionId") UUID decisionId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @HeaderParam(IdempotencyKeys.HEADER) String key, TerminationRequest body) {
        ValidationFailedException.Collector v = new ValidationFailedException.Collector();
        v.require(body != null && body.effectiveFrom() != null, "effectiveFrom", "is required");
        v.require(body != null && body.reason() != null && !body.reason().isBlank(), "reason", "is required");
        v.require(body == null || body.reason() == null || body.reason().length() <= MAX_REASON, "reason", "at most " + MAX_REASON + " characters");
        v.throwIfAny();
        return commands.run(key, List.of("termination", caseId, decisionId, body), "terminate-decision", caseId, () -> {
            knownCases.get(caseId);
            Loaded<BenefitState> after = decisions.terminate(caseId, decisionId, body.effectiveFrom(), body.reason(),
                    ETags.requireIfMatch(ifMatch), request.eventMetadata());
            return new CommandPath.Answer(200, null, BenefitView.of(caseId, after), after.version());
        });
    }

    @POST
    @Path("/reductions")
    @Operation(summary = "Impose a benefit reduction after a breach of duty and its hearing (§§ 31, 31a, 32 SGB II)",
            description = "The steps of the law in force on the day of the breach (rule data): up to 2026-06 10/20/30 % of the standard need "
                    + "for the first/second/further breach within a year (1/2/3 months) and 10 % for one month per missed appointment; from "
                    + "2026-07 30 % for three months, the standard need withdrawn for a refused job offer, missed appointments by their "
                    + "number. Refused without a hearing, and up to 2026-06 while a cooperation-plan dispute runs. Postings cap all "
                    + "reductions as the rule set says and never reduce housing costs.")
    public Response reduce(@PathParam("caseId") String caseId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(IdempotencyKeys.HEADER) String key, ReductionRequest body) {
        ValidationFailedException.Collector v = new ValidationFailedException.Collector();
        v.require(body != null, "body", "is required");
        v.throwIfAny();
        if (body.breachId() == null) {
            v.require(body.personId() != null, "personId", "is required without breachId");
            v.require(body.kind() != null && List.of("REFUSED_REASONABLE_OFFER", "BROKE_OFF_MEASURE", "INSUFFICIENT_OWN_EFFORTS",
                    "MISSED_APPOINTMENT").contains(body.kind()), "kind",
                    "one of REFUSED_REASONABLE_OFFER, BROKE_OFF_MEASURE, INSUFFICIENT_OWN_EFFORTS, MISSED_APPOINTMENT");
            v.require(body.occurredOn() != null, "occurredOn", "is required without breachId");
        }
        v.throwIfAny();
        return commands.run(key, List.of("reduction", caseId, body), "impose-reduction", caseId, () -> {
            knownCases.get(caseId);
            Loaded<BenefitState> after = decisions.imposeReduction(caseId, body.breachId(), body.personId(), body.kind(), body.occurredOn(),
                    body.hearingOn(), body.from(), ETags.requireIfMatch(ifMatch), request.eventMetadata());
            return new CommandPath.Answer(200, null, BenefitView.of(caseId, after), after.version());
        });
    }

    @POST
    @Path("/reductions/lift")
    @Operation(summary = "End a reduction early because the person fulfils the duty (§ 31a(1) S. 6 SGB II)")
    public Response lift(@PathParam("caseId") String caseId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(IdempotencyKeys.HEADER) String key, LiftRequest body) {
        ValidationFailedException.Collector v = new ValidationFailedException.Collector();
        v.require(body != null && body.personId() != null, "personId", "is required");
        v.require(body != null && body.from() != null, "from", "is required (start of the reduction)");
        v.require(body != null && body.lastDay() != null, "lastDay", "is required");
        v.require(body != null && body.reason() != null && !body.reason().isBlank(), "reason", "is required");
        v.require(body == null || body.reason() == null || body.reason().length() <= MAX_REASON, "reason", "at most " + MAX_REASON + " characters");
        v.throwIfAny();
        return commands.run(key, List.of("lift", caseId, body), "lift-reduction", caseId, () -> {
            knownCases.get(caseId);
            Loaded<BenefitState> after = decisions.liftReduction(caseId, body.personId(), body.from(), body.lastDay(), body.reason(),
                    ETags.requireIfMatch(ifMatch), request.eventMetadata());
            return new CommandPath.Answer(200, null, BenefitView.of(caseId, after), after.version());
        });
    }

    /** A cost-reduction notice's date. */
    public record CostReductionNoticeRequest(LocalDate issuedOn) {
    }

    /** Why and from when a cost-reduction notice no longer applies. */
    public record CostReductionWithdrawalRequest(LocalDate withdrawnOn,
            @Schema(description = "NO_CHEAPER_HOUSING, UNREASONABLE, COSTS_LOWERED or OTHER") String reason) {
    }

    static final List<String> WITHDRAWAL_REASONS = List.of("NO_CHEAPER_HOUSING", "UNREASONABLE", "COSTS_LOWERED", "OTHER");

    @POST
    @Path("/cost-reduction-notice")
    @Operation(summary = "Record a cost-reduction notice (§ 22(1) S. 7 SGB II)",
            description = "Housing costs above the adequacy limit are recognised for at most six further months (rule data) after the "
                    + "notice and after the waiting period, then only the adequate costs; decisions in force are amended.")
    public Response costReductionNotice(@PathParam("caseId") String caseId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(IdempotencyKeys.HEADER) String key, CostReductionNoticeRequest body) {
        ValidationFailedException.Collector v = new ValidationFailedException.Collector();
        v.require(body != null && body.issuedOn() != null, "issuedOn", "is required");
        v.throwIfAny();
        return commands.run(key, List.of("cost-reduction-notice", caseId, body), "issue-cost-reduction-notice", caseId, () -> {
            knownCases.get(caseId);
            Loaded<BenefitState> after = decisions.issueCostReductionNotice(caseId, body.issuedOn(), ETags.requireIfMatch(ifMatch),
                    request.eventMetadata());
            return new CommandPath.Answer(200, null, BenefitView.of(caseId, after), after.version());
        });
    }

    @POST
    @Path("/cost-reduction-notice/withdrawal")
    @Operation(summary = "The cost-reduction notice no longer applies from a date (actual housing costs again; decisions amended)")
    public Response withdrawCostReductionNotice(@PathParam("caseId") String caseId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(IdempotencyKeys.HEADER) String key, CostReductionWithdrawalRequest body) {
        ValidationFailedException.Collector v = new ValidationFailedException.Collector();
        v.require(body != null && body.withdrawnOn() != null, "withdrawnOn", "is required");
        v.require(body != null && body.reason() != null && WITHDRAWAL_REASONS.contains(body.reason()), "reason",
                "one of " + String.join(", ", WITHDRAWAL_REASONS));
        v.throwIfAny();
        return commands.run(key, List.of("cost-reduction-withdrawal", caseId, body), "withdraw-cost-reduction-notice", caseId, () -> {
            knownCases.get(caseId);
            Loaded<BenefitState> after = decisions.withdrawCostReductionNotice(caseId, body.withdrawnOn(), body.reason(),
                    ETags.requireIfMatch(ifMatch), request.eventMetadata());
            return new CommandPath.Answer(200, null, BenefitView.of(caseId, after), after.version());
        });
    }

    @GET
    @Path("/decisions/{decisionId}/sheets/{month}")
    @RolesAllowed({Roles.CASEWORKER, Roles.TEAM_LEAD, Roles.DISTRICT_ADMIN, Roles.CITIZEN})
    @Operation(summary = "The calculation sheet stored with a decision for one month (the latest amendment's, if amended)")
    public Response sheet(@PathParam("caseId") String caseId, @PathParam("decisionId") UUID decisionId, @PathParam("month") String month) {
        policy.check("read-benefits");
        knownCases.get(caseId);
        YearMonth m;
        try {
            m = de.auseinerhand.servicekit.json.JsonHardening.parseMonth(month);
        } catch (DateTimeParseException e) {
            throw ValidationFailedException.of("month", "must be a month like 2026-03");
        }
        String sheet = decisions.sheet(caseId, decisionId, m);
        if (sheet == null) {
            throw ProblemException.notFound();
        }
        audit.record("read-calculation-sheet", caseId, null);
        return Response.ok(sheet, MediaType.APPLICATION_JSON).build();
    }

    private static CommandPath.Answer answer(String caseId, DecisionService.Outcome outcome) {
        if (outcome.pendingApproval() != null) {
            return new CommandPath.Answer(202, "/api/v1/benefit-approvals/" + outcome.pendingApproval(),
                    new PendingView(outcome.pendingApproval(), outcome.pendingReason(), "PENDING"), null);
        }
        return new CommandPath.Answer(201, "/api/v1/cases/" + caseId + "/benefits/decisions/" + outcome.decisionId(),
                BenefitView.of(caseId, outcome.state()), outcome.state().version());
    }

    private static Response ok(String caseId, Loaded<BenefitState> loaded, int status) {
        return Response.status(status).tag(new EntityTag(String.valueOf(loaded.version()))).entity(BenefitView.of(caseId, loaded)).build();
    }
}
