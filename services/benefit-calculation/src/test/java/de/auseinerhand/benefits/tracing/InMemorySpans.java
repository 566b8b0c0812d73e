package de.auseinerhand.benefits.tracing;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The module's span exporter in tests: quarkus-opentelemetry picks up every {@code SpanExporter} bean,
 * so the spans of the one test boot land in memory (no collector; the OTLP exporter is not built in
 * the test profile).
 */
@ApplicationScoped
public class InMemorySpans {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}
