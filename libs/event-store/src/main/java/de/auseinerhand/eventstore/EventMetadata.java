package de.auseinerhand.eventstore;

import java.util.UUID;

/** Who and what caused an append; copied into every envelope of that append. */
public record EventMetadata(String actor, UUID correlationId, UUID causationId, String traceparent) {
    public static EventMetadata system(String actor) {
        return new EventMetadata(actor, UUID.randomUUID(), null, null);
    }
}
