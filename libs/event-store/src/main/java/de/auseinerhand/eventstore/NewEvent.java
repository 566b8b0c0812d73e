package de.auseinerhand.eventstore;

import de.auseinerhand.events.EventData;

/** An event to append: its data, the case it belongs to (Kafka key) and the responsible municipality. */
public record NewEvent(EventData data, String subject, String municipality) {
}
