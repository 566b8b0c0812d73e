package de.auseinerhand.eventstore;

import java.util.UUID;

/**
 * Who and what caused an append; copied into every envelope of that append. {@code traceparent} is the
 * W3C trace context of the cause; when null, {@link EventStore#append} takes the current span's.
 */
public record EventMetadata(String actor, UUID correlationId, UUID causationId, String traceparent) {
    public static EventMetadata system(String actor) {
        return new EventMetadata(actor, UUID.randomUUID(), null, null);
    }
}
