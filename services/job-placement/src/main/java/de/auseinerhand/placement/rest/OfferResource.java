package de.auseinerhand.placement.rest;

import de.auseinerhand.eventstore.Loaded;
import de.auseinerhand.placement.application.Matching;
import de.auseinerhand.placement.application.OfferService;
import de.auseinerhand.placement.domain.offer.OfferCommand;
import de.auseinerhand.placement.domain.offer.OfferState;
import de.auseinerhand.servicekit.command.CommandPath;
import de.auseinerhand.servicekit.idempotency.IdempotencyKeys;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Job offers (Stellenangebote). Every case worker of the district reads them; publishing and closing
 * is for staff of the offer's municipality. Closing needs {@code If-Match} with the offer's ETag.
 */
@Path("/api/v1/offers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASEWORKER, Roles.TEAM_LEAD, Roles.DISTRICT_ADMIN})
@Tag(name = "Job offers", description = "Job offers (Stellenangebote) and the clients that match them")
@SecurityRequirement(name = "bearer")
public class OfferResource {

    @Inject
    Clock clock;

    @Inject
    OfferService offers;

    @Inject
    Matching matching;

    @Inject
    CommandPath commands;

    @Inject
    Caller caller;

    @POST
    @Operation(summary = "Publish a job offer", description = "Send an Idempotency-Key to make retries safe: a retry returns the first result.")
    public Response publish(@Parameter(description = "makes a retry return the first result") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Valid @NotNull PlacementRequests.PublishOffer r) {
        return commands.run(idempotencyKey, List.of("publish-offer", r), null, null, () -> {
            Loaded<OfferState> o = offers.publish(new OfferCommand.Publish(UUID.randomUUID(), r.employerId(),
                    r.occupationCode(), r.title(), r.municipality(), r.hoursPerWeek(), r.wage(),
                    r.publishedOn() == null ? LocalDate.now(clock) : r.publishedOn(), r.startDate(), r.positions(),
                    r.requirements(), r.languages(), Boolean.TRUE.equals(r.drivingLicenceRequired())));
            return new CommandPath.Answer(201, "/api/v1/offers/" + o.state().offerId(), PlacementViews.OfferView.of(o.state(), o.version()),
                    o.version());
        });
    }

    @GET
    @Path("/{offerId}")
    @Operation(summary = "An offer; the ETag is its version for If-Match")
    public Response get(@PathParam("offerId") UUID offerId) {
        return ok(offers.get(offerId));
    }

    @POST
    @Path("/{offerId}/close")
    @Operation(summary = "Close an open offer as filled, withdrawn or expired")
    public Response close(@PathParam("offerId") UUID offerId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull PlacementRequests.CloseOffer r) {
        return ok(offers.close(offerId, ETags.requireIfMatch(ifMatch), new OfferCommand.Close(r.closure(), r.closedOn())));
    }

    @GET
    @Path("/{offerId}/candidates")
    @Operation(summary = "Clients in the caller's municipalities that match the offer, best first, with the reasons per factor",
            description = "Every listed client is recorded in the audit trail.")
    public PlacementViews.MatchPage<PlacementViews.ClientMatch> candidates(@PathParam("offerId") UUID offerId,
            @QueryParam("minScore") @DefaultValue("0") @Min(0) @Max(100) int minScore,
            @Parameter(description = "also clients whose mobility radius does not reach the offer") @QueryParam("includeOutsideRadius") @DefaultValue("false") boolean outside,
            @QueryParam("municipality") @Pattern(regexp = "[0-9]{8}", message = "must be an 8-digit AGS") String municipality,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Matching.MAX_LIMIT) int limit) {
        Matching.Page<Matching.ClientHit> page = matching.clientsFor(offerId,
                new Matching.Filter(minScore, outside, null, municipality), cursor, limit);
        return new PlacementViews.MatchPage<>(page.items().stream().map(h -> new PlacementViews.ClientMatch(h.profile().caseId(),
                h.profile().personId(), h.profile().municipality(), h.match().score(), h.match().distanceKm(),
                h.match().withinRadius(), PlacementViews.FactorView.of(h.match()))).toList(), page.nextCursor());
    }

    private static Response ok(Loaded<OfferState> o) {
        return Response.ok(PlacementViews.OfferView.of(o.state(), o.version())).tag(new EntityTag(String.valueOf(o.version()))).build();
    }
}
