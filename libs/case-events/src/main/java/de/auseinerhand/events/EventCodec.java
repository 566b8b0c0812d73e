package de.auseinerhand.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads and writes case events in CloudEvents structured JSON. Thread-safe; one shared instance.
 *
 * <p>Reading is strict about the envelope (every required attribute, {@code specversion} 1.0, a known
 * type) and about required {@code data} fields, and tolerant of unknown {@code data} fields, because
 * adding an optional field is a compatible change (docs/events.md).
 */
public final class EventCodec {

    private static final EventCodec INSTANCE = new EventCodec();

    private final ObjectMapper mapper;
    private final Map<String, Upcaster> upcasters = new ConcurrentHashMap<>();

    private EventCodec() {
        this.mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .build();
    }

    public static EventCodec instance() {
        return INSTANCE;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** Registers an upcaster that turns stored {@code fromType} data into the next version. */
    public void register(Upcaster upcaster) {
        upcasters.put(upcaster.fromType(), upcaster);
    }

    public JsonNode toData(EventData data) {
        return mapper.valueToTree(data);
    }

    public String toJson(EventEnvelope envelope) {
        try {
            return mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize event " + envelope.id(), e);
        }
    }

    public byte[] toBytes(EventEnvelope envelope) {
        try {
            return mapper.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize event " + envelope.id(), e);
        }
    }

    /** Parses and validates an envelope; upcasts old data versions to the current type. */
    public EventEnvelope parse(String json) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("empty record");
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new MalformedEventException("not a JSON object");
        }
        for (String attribute : List.of("specversion", "id", "source", "type", "subject", "time", "streamid",
                "streamversion", "data")) {
            if (!tree.hasNonNull(attribute)) {
                throw new MalformedEventException("missing CloudEvents attribute '" + attribute + "'");
            }
        }
        if (!EventEnvelope.SPEC_VERSION.equals(tree.get("specversion").asText())) {
            throw new MalformedEventException("unsupported specversion " + tree.get("specversion").asText());
        }
        EventEnvelope envelope;
        try {
            envelope = mapper.treeToValue(tree, EventEnvelope.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("invalid envelope: " + e.getMessage().lines().findFirst().orElse(""));
        }
        return upcast(envelope);
    }

    private EventEnvelope upcast(EventEnvelope envelope) {
        EventEnvelope current = envelope;
        for (int guard = 0; guard < 32; guard++) {
            Upcaster next = upcasters.get(current.type());
            if (next == null) {
                return current;
            }
            current = current.withData(next.upcast(current.data()), next.toType(), next.toSchema());
        }
        throw new MalformedEventException("upcaster chain too long for " + envelope.type());
    }

    /** The typed data of an envelope; unknown types and missing required fields are malformed events. */
    public EventData decode(EventEnvelope envelope) {
        EventTypeInfo info = EventTypes.byType(envelope.type())
                .orElseThrow(() -> new MalformedEventException("unknown event type " + envelope.type()));
        EventData data;
        try {
            data = mapper.treeToValue(envelope.data(), info.javaType());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("invalid data of " + envelope.type() + ": "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        requireFields(data, envelope.type());
        return data;
    }

    @SuppressWarnings("unchecked")
    public <T extends EventData> T decode(EventEnvelope envelope, Class<T> type) {
        return (T) decode(envelope);
    }

    private static void requireFields(Object value, String type) {
        if (value == null || !value.getClass().isRecord()) {
            return;
        }
        for (Component c : COMPONENTS.get(value.getClass())) {
            Object v;
            try {
                v = c.accessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (v == null && !c.optional()) {
                throw new MalformedEventException("data of " + type + " lacks required field '" + c.name() + "'");
            }
            if (v instanceof List<?> list) {
                list.forEach(item -> requireFields(item, type));
            } else if (v != null && v.getClass().isRecord()) {
                requireFields(v, type);
            }
        }
    }

    /** A record component as the required-field check needs it, looked up once per class. */
    private record Component(String name, java.lang.reflect.Method accessor, boolean optional) {
    }

    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            List<Component> list = new java.util.ArrayList<>();
            for (RecordComponent c : type.getRecordComponents()) {
                java.lang.reflect.Method accessor = c.getAccessor();
                accessor.setAccessible(true);
                list.add(new Component(c.getName(), accessor, c.isAnnotationPresent(OptionalField.class)));
            }
            return List.copyOf(list);
        }
    };

    /** Builds an envelope for new data; the event store fills id, stream and time at append. */
    public static EventEnvelope envelope(UUID id, EventData data, String subject, java.time.Instant time,
            String municipality, String streamId, long streamVersion, UUID correlationId, UUID causationId,
            String actor, String traceparent) {
        EventTypeInfo info = EventTypes.of(data);
        return new EventEnvelope(EventEnvelope.SPEC_VERSION, id, info.source(), info.type(), subject, time,
                EventEnvelope.DATA_CONTENT_TYPE, info.dataschema(), municipality, streamId, streamVersion,
                correlationId, causationId, actor, traceparent, INSTANCE.toData(data));
    }
}
