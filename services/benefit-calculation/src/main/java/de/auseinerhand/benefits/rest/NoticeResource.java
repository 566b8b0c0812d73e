package de.auseinerhand.benefits.rest;

import de.auseinerhand.benefits.notices.BenefitNotice;
import de.auseinerhand.benefits.notices.Notices;
import de.auseinerhand.registryview.KnownCases;
import de.auseinerhand.servicekit.audit.AuditTrail;
import de.auseinerhand.servicekit.problem.Problem;
import de.auseinerhand.servicekit.problem.ProblemException;
import de.auseinerhand.servicekit.problem.ProblemTypes;
import de.auseinerhand.servicekit.security.OperationPolicy;
import de.auseinerhand.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The written decisions (Bescheide) of a case: the list, and each PDF byte for byte as issued. */
@Path("/api/v1/cases/{caseId}/benefits/notices")
@RolesAllowed({Roles.CASEWORKER, Roles.TEAM_LEAD, Roles.DISTRICT_ADMIN, Roles.CITIZEN})
@Tag(name = "Notices", description = "Written decisions of benefit-calculation as PDF")
@SecurityRequirement(name = "bearer")
public class NoticeResource {
    public static final String PDF = "application/pdf";

    @Inject
    Notices notices;

    @Inject
    KnownCases knownCases;

    @Inject
    AuditTrail audit;

    @Inject
    OperationPolicy policy;

    /** A notice as listed; {@code available} false once the data of a person it names was erased. */
    public record NoticeView(UUID noticeId, String kind, UUID decisionId, LocalDate issuedOn, Instant issuedAt, String template,
            String sha256, int sizeBytes, boolean available, String href) {
        static NoticeView of(BenefitNotice n) {
            return new NoticeView(n.noticeId, n.kind, n.decisionId, n.issuedOn, n.issuedAt, n.template, n.sha256, n.sizeBytes,
                    n.pdf != null, "/api/v1/cases/" + n.caseId + "/benefits/notices/" + n.noticeId);
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The case's written decisions, oldest first",
            description = "Notices are issued shortly after their decision (asynchronously); also for the citizen whose account is linked to the case.")
    public List<NoticeView> list(@PathParam("caseId") String caseId) {
        policy.check("read-notices");
        knownCases.get(caseId);
        List<NoticeView> out = notices.list(caseId).stream().map(NoticeView::of).toList();
        audit.record("list-notices", caseId, null);
        return out;
    }

    @GET
    @Path("/{noticeId}")
    @Produces({PDF, MediaType.APPLICATION_JSON})
    @Operation(summary = "One written decision as issued (PDF); ETag and Repr-Digest carry its SHA-256")
    @APIResponse(responseCode = "200", description = "the PDF", content = @Content(mediaType = PDF))
    @APIResponse(responseCode = "404", description = "no such notice for this case, or the case is not yours")
    @APIResponse(responseCode = "410", description = "destroyed with the personal data of a person it names")
    public Response pdf(@PathParam("caseId") String caseId, @PathParam("noticeId") UUID noticeId) {
        policy.check("read-notices");
        knownCases.get(caseId);
        byte[] document;
        try {
            document = notices.pdf(caseId, noticeId).orElseThrow(ProblemException::notFound);
        } catch (Notices.Erased e) {
            audit.record("read-notice-erased", caseId, null);
            throw new ProblemException(Problem.of(ProblemTypes.GONE, "Gone", 410,
                    "the notice was destroyed with the personal data of a person it names"));
        }
        audit.record("read-notice", caseId, null);
        String sha256 = Notices.sha256Hex(document);
        return Response.ok(document, PDF)
                .tag(new EntityTag(sha256))
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)) + ":")
                .header("Content-Disposition", "attachment; filename=\"Bescheid-" + caseId + "-" + noticeId + ".pdf\"")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
