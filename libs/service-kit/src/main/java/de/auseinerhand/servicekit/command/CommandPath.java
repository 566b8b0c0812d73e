package de.auseinerhand.servicekit.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.auseinerhand.servicekit.audit.AuditTrail;
import de.auseinerhand.servicekit.idempotency.IdempotencyKeys;
import de.auseinerhand.servicekit.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one path of every write command of a service. A retry with the same {@code Idempotency-Key} gets
 * the stored first answer before anything else is looked at (If-Match, the case's state). Otherwise one
 * new transaction holds everything: the key is claimed, the command runs (its municipality scope check,
 * its decision and the append to the event store) and the audit record is written, so either all of it
 * commits or none (a crash between write and audit cannot lose the audit).
 */
@ApplicationScoped
public class CommandPath {

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    /** What a command answers: status, Location (may be null), the body, and the stream version for the ETag (may be null). */
    public record Answer(int status, String location, Object body, Long version) {
    }

    /**
     * Runs {@code command} on the command path.
     *
     * @param key        the request's Idempotency-Key, or null
     * @param request    what identifies the request for the key (operation, case, body)
     * @param action     the audit action; null when the command writes its own audit record (with the person it touched)
     *                   or touches no personal data
     * @param caseId     the case the audit record names
     * @param command    the scope check, decision and append; runs inside the transaction
     */
    public Response run(String key, Object request, String action, String caseId, Supplier<Answer> command) {
        Optional<IdempotencyKeys.Stored> stored = idempotency.stored(caller.actorId(), key, request);
        if (stored.isPresent()) {
            return response(stored.get());
        }
        IdempotencyKeys.Stored answer = QuarkusTransaction.requiringNew().call(() ->
                idempotency.claimAndRun(caller.actorId(), key, request, () -> {
                    Answer a = command.get();
                    if (action != null) {
                        audit.record(action, caseId, null);
                    }
                    try {
                        return new IdempotencyKeys.Stored(a.status(), a.location(), a.version() == null ? null : String.valueOf(a.version()),
                                json.writeValueAsString(a.body()));
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new IllegalStateException("the answer could not be written as JSON", e);
                    }
                }));
        return response(answer);
    }

    private static Response response(IdempotencyKeys.Stored s) {
        Response.ResponseBuilder b = Response.status(s.status()).entity(s.body()).type(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE);
        if (s.location() != null) {
            b.location(URI.create(s.location()));
        }
        if (s.etag() != null) {
            b.tag(new EntityTag(s.etag()));
        }
        return b.build();
    }
}
