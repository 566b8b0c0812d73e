package de.auseinerhand.eventstore.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * The tracer of the event store's own spans (outbox relay: PRODUCER, consumers: CONSUMER). Uses the
 * application's OpenTelemetry (quarkus-opentelemetry, through service-kit); without it, or with
 * {@code quarkus.otel.sdk.disabled=true}, the spans are no-ops.
 */
@ApplicationScoped
public class EventTracing {

    /** Instrumentation scope of the spans, visible in the trace backend. */
    public static final String SCOPE = "de.auseinerhand.event-store";

    @Inject
    Instance<OpenTelemetry> openTelemetry;

    private Tracer tracer;

    @PostConstruct
    void init() {
        OpenTelemetry otel = openTelemetry.isResolvable() ? openTelemetry.get() : OpenTelemetry.noop();
        tracer = otel.getTracer(SCOPE);
    }

    public Tracer tracer() {
        return tracer;
    }
}
