package de.auseinerhand.servicekit.rest;

import de.auseinerhand.eventstore.EventMetadata;
import de.auseinerhand.eventstore.tracing.TraceContext;
import de.auseinerhand.servicekit.security.Caller;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Event metadata of the current request: the caller's pseudonymous id, the correlation id from
 * {@code X-Correlation-Id} (or a new one) and the W3C {@code traceparent} of the request's server span
 * (a child of the client's {@code traceparent} if it sent one, else the root of a new trace), so the
 * trace goes on through the outbox and Kafka to the consumers.
 */
@RequestScoped
public class RequestMetadata {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";

    @Inject
    Caller caller;

    @Inject
    HttpServerRequest request;

    private UUID correlationId;

    public UUID correlationId() {
        if (correlationId == null) {
            String header = request.getHeader(CORRELATION_HEADER);
            try {
                correlationId = header == null ? UUID.randomUUID() : UUID.fromString(header);
            } catch (IllegalArgumentException e) {
                correlationId = UUID.randomUUID();
            }
        }
        return correlationId;
    }

    public EventMetadata eventMetadata() {
        return new EventMetadata(caller.eventActor(), correlationId(), null, traceparent());
    }

    /** The current span's context; the client's header only when tracing is off (no current span). */
    public String traceparent() {
        String current = TraceContext.currentTraceparent();
        return current != null ? current : request.getHeader(TraceContext.TRACEPARENT);
    }

    /** The purpose of an access to personal data, from {@code X-Purpose} (recorded in the audit trail). */
    public String purpose() {
        return request.getHeader("X-Purpose");
    }
}
