package de.auseinerhand.eventstore;

import de.auseinerhand.events.EventData;
import de.auseinerhand.events.EventEnvelope;

/** An appended event with its global position in this service's store and its decoded data. */
public record StoredEvent(long globalPosition, EventEnvelope envelope, EventData data) {
}
