package de.auseinerhand.eventstore.outbox;

import java.time.Instant;

/**
 * One event waiting to be published. {@code eventId}, {@code eventType} and {@code traceparent} come
 * from the stored envelope and serve the relay's PRODUCER span.
 */
public record OutboxRow(long id, String topic, String key, String payload, Instant recordedAt, String eventId,
        String eventType, String traceparent) {
}
