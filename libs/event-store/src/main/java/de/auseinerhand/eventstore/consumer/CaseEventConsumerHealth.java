package de.auseinerhand.eventstore.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the case-event consumer. It stays UP while records are dead-lettered (the consumer keeps running) and
 * reports how many there are, how many cases wait, and the last reason. It turns DOWN while one record has been held up
 * longer than {@code aeh.consumer.stall-threshold} (the database away, a projection table locked by someone else: fault
 * F12), so that a projection that silently stopped is taken out of service and alerts; it turns UP again by itself once
 * the record went through.
 */
@Readiness
@ApplicationScoped
public class CaseEventConsumerHealth implements HealthCheck {

    @ConfigProperty(name = "aeh.consumer.name")
    java.util.Optional<String> consumer;

    @Inject
    ConsumerStatus status;

    @ConfigProperty(name = "aeh.consumer.stall-threshold", defaultValue = "15s")
    java.time.Duration stallThreshold;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("case-events consumer");
        if (consumer.isEmpty()) {
            return b.up().withData("consumer", "none").build();
        }
        String name = consumer.get();
        double stalled = status.stalledSeconds(name);
        if (stalled > stallThreshold.toMillis() / 1000.0) {
            return b.down().withData("consumer", name).withData("stalledSeconds", Math.round(stalled))
                    .withData("reason", "one record has been held up for " + Math.round(stalled)
                            + " s (database unavailable or a projection table locked); see the log").build();
        }
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
