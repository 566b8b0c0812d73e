package de.auseinerhand.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * Derives the JSON Schema (draft 2020-12) of an event's {@code data} from its record. The schemas are
 * committed under {@code src/main/resources/schemas}; a test fails when a record and its committed
 * schema drift apart, so a contract change is always a visible diff.
 */
public final class EventSchemas {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private EventSchemas() {
    }

    public static ObjectNode schemaOf(EventTypeInfo info) {
        ObjectNode root = F.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", info.dataschema());
        root.put("title", info.type());
        root.setAll(objectSchema(info.javaType()));
        return root;
    }

    private static ObjectNode objectSchema(Class<?> record) {
        ObjectNode o = F.objectNode();
        o.put("type", "object");
        ObjectNode props = o.putObject("properties");
        ArrayNode required = F.arrayNode();
        for (RecordComponent c : record.getRecordComponents()) {
            props.set(c.getName(), typeSchema(c.getGenericType()));
            if (!c.isAnnotationPresent(OptionalField.class)) {
                required.add(c.getName());
            }
        }
        o.set("required", required);
        return o;
    }

    private static ObjectNode typeSchema(Type type) {
        ObjectNode s = F.objectNode();
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            s.put("type", "array");
            s.set("items", typeSchema(p.getActualTypeArguments()[0]));
            return s;
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            s.put("type", "string");
        } else if (c == UUID.class) {
            s.put("type", "string").put("format", "uuid");
        } else if (c == LocalDate.class) {
            s.put("type", "string").put("format", "date");
        } else if (c == Instant.class) {
            s.put("type", "string").put("format", "date-time");
        } else if (c == YearMonth.class) {
            s.put("type", "string").put("pattern", "^[0-9]{4}-(0[1-9]|1[0-2])$");
        } else if (c == BigDecimal.class) {
            s.put("type", "number");
            s.put("description", "decimal amount, never a binary float; money has two places");
        } else if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            s.put("type", "integer");
        } else if (c == boolean.class || c == Boolean.class) {
            s.put("type", "boolean");
        } else if (c.isEnum()) {
            s.put("type", "string");
            ArrayNode values = s.putArray("enum");
            for (Object v : c.getEnumConstants()) {
                values.add(((Enum<?>) v).name());
            }
        } else if (c.isRecord()) {
            s.setAll(objectSchema(c));
        } else {
            throw new IllegalArgumentException("No JSON Schema mapping for " + c);
        }
        return s;
    }
}
