package de.auseinerhand.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * A case event as it travels on {@code case-events}: a CloudEvents 1.0 envelope in structured JSON
 * mode with the Aus-einer-Hand extension attributes (see docs/events.md).
 *
 * <p>{@code data} is kept as a JSON tree so that a consumer can read the envelope of an event type it
 * does not know (and park or skip it deliberately) and so that old versions can be upcast on read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"specversion", "id", "source", "type", "subject", "time", "datacontenttype", "dataschema",
        "municipality", "streamid", "streamversion", "correlationid", "causationid", "actor", "traceparent", "data"})
public record EventEnvelope(
        String specversion,
        UUID id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        String dataschema,
        String municipality,
        String streamid,
        Long streamversion,
        UUID correlationid,
        UUID causationid,
        String actor,
        String traceparent,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";
    /** Media type of a structured-mode CloudEvent, used as the Kafka {@code content-type} header. */
    public static final String CLOUDEVENTS_JSON = "application/cloudevents+json";

    public EventEnvelope withData(JsonNode newData, String newType, String newSchema) {
        return new EventEnvelope(specversion, id, source, newType, subject, time, datacontenttype, newSchema,
                municipality, streamid, streamversion, correlationid, causationid, actor, traceparent, newData);
    }
}
