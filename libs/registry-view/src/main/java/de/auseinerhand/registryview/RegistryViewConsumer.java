package de.auseinerhand.registryview;

import de.auseinerhand.eventstore.consumer.CaseEventConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the registry view from {@code case-events} (channel {@code case-events}, consumer group =
 * {@code aeh.consumer.name}); one record at a time, in partition order, exactly once per event id.
 */
@ApplicationScoped
public class RegistryViewConsumer {

    @ConfigProperty(name = "aeh.consumer.name")
    String consumerName;

    @Inject
    CaseEventConsumer consumer;

    @Inject
    RegistryViewProjection projection;

    @Inject
    @Any
    Instance<CaseEventProjection> serviceProjections;

    /** A polled batch in one transaction ({@code batch=true}; {@link CaseEventConsumer#applyBatch}). */
    @Incoming("case-events")
    @Blocking(ordered = true)
    public java.util.concurrent.CompletionStage<Void> onBatch(io.smallrye.reactive.messaging.kafka.KafkaRecordBatch<String, String> batch) {
        return consumer.applyBatch(consumerName, batch, envelope -> {
            projection.apply(envelope);
            for (CaseEventProjection p : serviceProjections) {
                p.apply(envelope);
            }
        });
    }
}
