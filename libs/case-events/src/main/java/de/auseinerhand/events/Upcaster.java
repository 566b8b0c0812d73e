package de.auseinerhand.events;

import com.fasterxml.jackson.databind.JsonNode;

/** Turns the stored data of one event type version into the next version; stored events are never rewritten. */
public interface Upcaster {
    String fromType();

    String toType();

    String toSchema();

    JsonNode upcast(JsonNode oldData);
}
