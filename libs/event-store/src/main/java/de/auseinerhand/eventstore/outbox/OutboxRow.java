package de.auseinerhand.eventstore.outbox;

import java.time.Instant;

/** One event waiting to be published. */
public record OutboxRow(long id, String topic, String key, String payload, Instant recordedAt) {
}
