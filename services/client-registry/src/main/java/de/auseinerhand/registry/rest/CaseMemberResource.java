package de.auseinerhand.registry.rest;

import de.auseinerhand.eventstore.Loaded;
import de.auseinerhand.registry.application.CaseService;
import de.auseinerhand.registry.domain.CaseCommand;
import de.auseinerhand.registry.domain.CaseState;
import de.auseinerhand.servicekit.idempotency.IdempotencyKeys;
import de.auseinerhand.servicekit.problem.ProblemException;
import de.auseinerhand.servicekit.rest.ETags;
import de.auseinerhand.servicekit.security.Caller;
import de.auseinerhand.servicekit.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Members of a case: joining, leaving, unemployment periods and erasure. Updates need If-Match. */
@Path("/api/v1/cases/{caseId}/persons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASEWORKER, Roles.TEAM_LEAD, Roles.DISTRICT_ADMIN, Roles.CITIZEN})
@Tag(name = "Members", description = "Members of a case")
@SecurityRequirement(name = "bearer")
public class CaseMemberResource {

    @Inject
    CaseService cases;

    @Inject
    CaseViews views;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    Caller caller;

    /** The new member and the case version after registering. */
    public record Registered(CaseView.MemberView member, long version) {
    }

    @POST
    @Operation(summary = "Register a member (new, or an existing person moving from another case)")
    public Response register(@PathParam("caseId") String caseId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @Valid @NotNull RegisterPersonRequest r) {
        long expected = ETags.requireIfMatch(ifMatch);
        IdempotencyKeys.Outcome<Registered> outcome = QuarkusTransaction.requiringNew().call(() ->
                idempotency.once(caller.actorId(), idempotencyKey, List.of("register-person", caseId, r), Registered.class, () -> {
                    CaseService.Registration done = cases.registerPerson(caseId, expected, r.personId(), new CaseService.PersonRegistration(
                            r.role(), r.firstName(), r.lastName(), r.birthDate(), r.sex(), r.employable(),
                            Boolean.TRUE.equals(r.singleParent()), r.effectiveFrom(), r.customerNumber(), r.address(),
                            r.phone(), r.email(), r.insuranceNumber()));
                    UUID personId = done.personId();
                    Loaded<CaseState> after = done.caseAfter();
                    CaseView view = views.of(after);
                    CaseView.MemberView member = view.members().stream().filter(m -> m.personId().equals(personId))
                            .findFirst().orElseThrow();
                    return new IdempotencyKeys.Outcome<>(201, "/api/v1/cases/" + caseId + "/persons/" + personId,
                            new Registered(member, after.version()), false);
                }));
        return Response.status(outcome.status()).location(URI.create(outcome.location()))
                .tag(new EntityTag(String.valueOf(outcome.body().version()))).entity(outcome.body().member()).build();
    }

    @POST
    @Path("/{personId}/leave")
    @Operation(summary = "A member leaves the case")
    public Response leave(@PathParam("caseId") String caseId, @PathParam("personId") String personId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull CaseCommands.Leave r) {
        UUID id = person(personId);
        return CaseResource.ok(cases.execute("leave-case", caseId, ETags.requireIfMatch(ifMatch), id,
                s -> new CaseCommand.LeaveCase(id, r.effectiveFrom(), r.reason())), views);
    }

    @POST
    @Path("/{personId}/rejoin")
    @Operation(summary = "A former member joins the case again")
    public Response rejoin(@PathParam("caseId") String caseId, @PathParam("personId") String personId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull CaseCommands.Rejoin r) {
        UUID id = person(personId);
        return CaseResource.ok(cases.execute("rejoin-case", caseId, ETags.requireIfMatch(ifMatch), id,
                s -> new CaseCommand.RejoinCase(id, r.role(), r.effectiveFrom(), r.reason())), views);
    }

    @POST
    @Path("/{personId}/unemployment/start")
    @Operation(summary = "A period of unemployment starts (basis of long-term unemployment, § 18 SGB III)")
    public Response unemploymentStarts(@PathParam("caseId") String caseId, @PathParam("personId") String personId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull CaseCommands.Unemployment r) {
        UUID id = person(personId);
        return CaseResource.ok(cases.execute("record-unemployment", caseId, ETags.requireIfMatch(ifMatch), id,
                s -> new CaseCommand.StartUnemployment(id, r.date(), r.reason())), views);
    }

    @POST
    @Path("/{personId}/employability")
    @Operation(summary = "Record a change of employability from a date (§ 8, § 44a SGB II), in either direction",
            description = "From the 15th birthday a member counts as employable unless recorded as not able to work; this records a "
                    + "finding either way (e.g. the medical service's). employable=true before the 15th birthday is refused.")
    public Response employability(@PathParam("caseId") String caseId, @PathParam("personId") String personId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull CaseCommands.Employability r) {
        UUID id = person(personId);
        return CaseResource.ok(cases.execute("record-employability", caseId, ETags.requireIfMatch(ifMatch), id,
                s -> new CaseCommand.ChangeEmployability(id, r.employable(), r.effectiveFrom(), r.basis())), views);
    }

    @POST
    @Path("/{personId}/circumstances")
    @Operation(summary = "Record a member's circumstances that change the amount, from a date",
            description = "Parent links, single parent, education, moving out under 25 without consent, a minor child elsewhere, and the "
                    + "health facts (pregnancy, disability, mark G, costly diet). Each recording states the whole set from its date; "
                    + "dates may lie in the past (the decision is amended back to them). Health facts are encrypted with the person's key.")
    public Response recordCircumstances(@PathParam("caseId") String caseId, @PathParam("personId") String personId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull CaseCommands.Circumstances r) {
        UUID id = person(personId);
        return CaseResource.ok(cases.recordCircumstances(caseId, ETags.requireIfMatch(ifMatch), id, new CaseService.Circumstances(
                r.effectiveFrom(), r.parentIds(), r.singleParent(), Boolean.TRUE.equals(r.inEducation()),
                Boolean.TRUE.equals(r.movedOutWithoutConsent()), Boolean.TRUE.equals(r.minorChildOutsideCase()),
                r.health() == null ? null : r.health().facts())), views);
    }

    /** One recording of circumstances as read back by staff. */
    public record CircumstancesView(long version, java.time.Instant recordedAt, java.time.LocalDate effectiveFrom, List<UUID> parentIds,
            Boolean singleParent, boolean inEducation, boolean movedOutWithoutConsent, boolean minorChildOutsideCase,
            de.auseinerhand.events.registry.HealthFacts health, boolean healthErased) {
    }

    @jakarta.ws.rs.GET
    @Path("/{personId}/circumstances")
    @RolesAllowed({Roles.CASEWORKER, Roles.TEAM_LEAD, Roles.DISTRICT_ADMIN})
    @Operation(summary = "Every recording of a member's circumstances, oldest first (reading health facts is audited)")
    public List<CircumstancesView> circumstances(@PathParam("caseId") String caseId, @PathParam("personId") String personId) {
        return cases.circumstances(caseId, person(personId)).stream().map(c -> new CircumstancesView(c.version(), c.recordedAt(),
                c.recorded().effectiveFrom(), c.recorded().parentIds(), c.recorded().singleParent(), c.recorded().inEducation(),
                c.recorded().movedOutWithoutConsent(), c.recorded().minorChildOutsideCase(), c.health(), c.healthErased())).toList();
    }

    @POST
    @Path("/{personId}/unemployment/end")
    @Operation(summary = "The current period of unemployment ends")
    public Response unemploymentEnds(@PathParam("caseId") String caseId, @PathParam("personId") String personId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull CaseCommands.Unemployment r) {
        UUID id = person(personId);
        return CaseResource.ok(cases.execute("record-unemployment", caseId, ETags.requireIfMatch(ifMatch), id,
                s -> new CaseCommand.EndUnemployment(id, r.date(), r.reason())), views);
    }

    @POST
    @Path("/{personId}/erasure")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(summary = "Erase the person's personal data everywhere (crypto-shredding); statistics stay intact")
    public Response erase(@PathParam("caseId") String caseId, @PathParam("personId") String personId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        UUID id = person(personId);
        return CaseResource.ok(cases.execute("erase-person-data", caseId, ETags.requireIfMatch(ifMatch), id,
                s -> new CaseCommand.EraseCaseMemberData(id)), views);
    }

    private static UUID person(String personId) {
        try {
            return UUID.fromString(personId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound();
        }
    }
}
