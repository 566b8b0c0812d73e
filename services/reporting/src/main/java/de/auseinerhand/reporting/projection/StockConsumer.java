package de.auseinerhand.reporting.projection;

import de.auseinerhand.eventstore.consumer.CaseEventConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Feeds reporting's projections from {@code case-events}, exactly once per event id, in partition order. */
@ApplicationScoped
public class StockConsumer {

    public static final String CONSUMER = "reporting";

    @Inject
    CaseEventConsumer consumer;

    @Inject
    StockProjection stocks;

    @Inject
    de.auseinerhand.reporting.facts.IndicatorFactsProjection indicatorFacts;

    @Incoming("case-events")
    @Blocking(ordered = true)
    public void onRecord(ConsumerRecord<String, String> record) {
        consumer.apply(CONSUMER, record, envelope -> {
            stocks.apply(envelope);
            indicatorFacts.apply(envelope);
        });
    }
}
