package de.auseinerhand.reporting.projection;

import de.auseinerhand.eventstore.consumer.CaseEventConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds reporting's indicator facts (which also answer the stocks) from {@code case-events}, exactly once
 * per event id, in partition order.
 */
@ApplicationScoped
public class CaseEventsConsumer {

    public static final String CONSUMER = "reporting";

    @Inject
    CaseEventConsumer consumer;

    @Inject
    de.auseinerhand.reporting.facts.IndicatorFactsProjection indicatorFacts;

    /** A polled batch in one transaction ({@code batch=true}; {@link CaseEventConsumer#applyBatch}). */
    @Incoming("case-events")
    @Blocking(ordered = true)
    public java.util.concurrent.CompletionStage<Void> onBatch(io.smallrye.reactive.messaging.kafka.KafkaRecordBatch<String, String> batch) {
        return consumer.applyBatch(CONSUMER, batch, indicatorFacts::apply);
    }
}
