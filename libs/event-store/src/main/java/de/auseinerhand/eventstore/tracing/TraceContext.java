package de.auseinerhand.eventstore.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.Collections;

/**
 * W3C trace context ({@code traceparent}) to and from OpenTelemetry contexts: what the envelope's
 * {@code traceparent} attribute and the Kafka header of the same name carry.
 */
public final class TraceContext {

    /** Name of the envelope attribute, the HTTP header and the Kafka header. */
    public static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<String> SINGLE_VALUE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return Collections.singleton(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private TraceContext() {
    }

    /** The {@code traceparent} of the current span, or null when there is none (tracing off, no request). */
    public static String currentTraceparent() {
        return traceparentOf(Span.current().getSpanContext());
    }

    /** {@code 00-<trace id>-<span id>-<flags>} of {@code context}, or null if it is not valid. */
    public static String traceparentOf(SpanContext context) {
        if (context == null || !context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }

    /**
     * The remote parent described by {@code traceparent}, or null if it is absent or malformed (a
     * malformed value from a client or an old event never breaks processing).
     */
    public static Context parentOf(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return null;
        }
        Context extracted = W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent.trim(),
                SINGLE_VALUE);
        return Span.fromContext(extracted).getSpanContext().isValid() ? extracted : null;
    }

    /** The trace id of {@code traceparent}, or null if it is absent or malformed. */
    public static String traceIdOf(String traceparent) {
        Context parent = parentOf(traceparent);
        return parent == null ? null : Span.fromContext(parent).getSpanContext().getTraceId();
    }
}
