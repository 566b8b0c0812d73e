package de.auseinerhand.registry.casefile;

import de.auseinerhand.eventstore.consumer.CaseEventConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the case file from {@code case-events} (consumer group {@code aeh.consumer.name}): one record at a time, in
 * partition order, exactly once per event id (inbox and checkpoint in this service's database).
 */
@ApplicationScoped
public class CaseFileConsumer {

    @ConfigProperty(name = "aeh.consumer.name")
    String consumerName;

    @Inject
    CaseEventConsumer consumer;

    @Inject
    CaseFileProjection projection;

    /** A polled batch in one transaction ({@code batch=true}; {@link CaseEventConsumer#applyBatch}). */
    @Incoming("case-events")
    @Blocking(ordered = true)
    public java.util.concurrent.CompletionStage<Void> onBatch(io.smallrye.reactive.messaging.kafka.KafkaRecordBatch<String, String> batch) {
        return consumer.applyBatch(consumerName, batch, projection::apply);
    }
}
