package de.auseinerhand.eventstore.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness detail of the case-event consumer: it stays UP while records are dead-lettered (the
 * consumer keeps running), and reports how many there are, how many cases wait, and the last reason.
 */
@Readiness
@ApplicationScoped
public class CaseEventConsumerHealth implements HealthCheck {

    @ConfigProperty(name = "aeh.consumer.name")
    java.util.Optional<String> consumer;

    @Inject
    ConsumerStatus status;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("case-events consumer");
        if (consumer.isEmpty()) {
            return b.up().withData("consumer", "none").build();
        }
        String name = consumer.get();
        try {
            long dead = status.deadLettered(name);
            b.up().withData("consumer", name).withData("deadLetteredRecords", dead)
                    .withData("parkedCases", status.parkedCases(name));
            if (dead > 0) {
                b.withData("lastDeadLetterReason", status.lastDeadLetterReason(name));
            }
            return b.build();
        } catch (RuntimeException e) {
            return b.down().withData("error", e.getMessage()).build();
        }
    }
}
