package de.auseinerhand.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EventContractTest {

    private final EventCodec codec = EventCodec.instance();

    private static EventEnvelope envelopeFor(EventData data) {
        return EventCodec.envelope(UUID.fromString("0195f3a2-1111-4222-8333-444455556666"), data,
                "BG-05958032-000123", Instant.parse("2026-03-02T09:14:00Z"), "05958032", "case-BG-05958032-000123",
                7, UUID.fromString("0195f3a2-aaaa-4bbb-8ccc-ddddeeeeffff"),
                UUID.fromString("0195f3a2-0000-4000-8000-000000000001"), "user:cw-meschede-1",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    }

    @Test
    void everyRegisteredTypeHasExactlyOneExample() {
        List<Class<?>> exampleTypes = EventExamples.all().stream().map(Object::getClass).collect(Collectors.toList());
        assertThat(exampleTypes).containsExactlyInAnyOrderElementsOf(EventTypes.ALL);
    }

    @Test
    void serializedFormOfEveryTypeIsPinned() throws Exception {
        var pretty = codec.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);
        for (EventData data : EventExamples.all()) {
            EventTypeInfo info = EventTypes.of(data);
            String json = pretty.writeValueAsString(envelopeFor(data)) + "\n";
            ApprovalSupport.verify(Path.of("src/test/resources/approved", info.type() + ".json"), json);
        }
    }

    @Test
    void everyTypeRoundTripsThroughTheEnvelope() {
        for (EventData data : EventExamples.all()) {
            EventEnvelope parsed = codec.parse(codec.toJson(envelopeFor(data)));
            assertThat(parsed.type()).isEqualTo(EventTypes.of(data).type());
            assertThat(parsed.subject()).isEqualTo("BG-05958032-000123");
            assertThat(parsed.streamversion()).isEqualTo(7L);
            assertThat(codec.decode(parsed)).isEqualTo(data);
        }
    }

    @Test
    void committedSchemaMatchesEveryRecord() throws Exception {
        var pretty = codec.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);
        for (EventTypeInfo info : EventTypes.all()) {
            String schema = pretty.writeValueAsString(EventSchemas.schemaOf(info)) + "\n";
            ApprovalSupport.verify(Path.of("src/main/resources", info.schemaResource()), schema);
            if (!Boolean.getBoolean("aeh.approve")) {
                assertThat(getClass().getClassLoader().getResource(info.schemaResource())).isNotNull();
            }
        }
    }

    @Test
    void typeNamesFollowTheCatalogueConvention() {
        assertThat(EventTypes.byType("de.auseinerhand.registry.case-opened.v1")).isPresent();
        assertThat(EventTypes.byType("de.auseinerhand.registry.case-opened.v1").get().dataschema())
                .isEqualTo("urn:aeh:schema:registry.case-opened:1");
        assertThat(EventTypes.all()).allSatisfy(t -> assertThat(t.type()).matches("de\\.auseinerhand\\.(registry|benefits|placement)\\.[a-z-]+\\.v[0-9]+"));
    }

    @Test
    void malformedRecordsAreRejectedWithTheirReason() {
        assertThatThrownBy(() -> codec.parse("{not json")).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> codec.parse("{\"specversion\":\"1.0\"}")).hasMessageContaining("'id'");
        ObjectNode unknownType = (ObjectNode) codec.mapper().valueToTree(envelopeFor(EventExamples.all().get(0)));
        unknownType.put("type", "de.auseinerhand.registry.no-such-thing.v1");
        EventEnvelope e = codec.parse(unknownType.toString());
        assertThatThrownBy(() -> codec.decode(e)).hasMessageContaining("unknown event type");
        ObjectNode missingField = (ObjectNode) codec.mapper().valueToTree(envelopeFor(EventExamples.all().get(0)));
        ((ObjectNode) missingField.get("data")).remove("municipality");
        EventEnvelope e2 = codec.parse(missingField.toString());
        assertThatThrownBy(() -> codec.decode(e2)).hasMessageContaining("'municipality'");
    }

    @Test
    void unknownDataFieldsAreToleratedBecauseAddingAnOptionalFieldIsCompatible() {
        ObjectNode tree = (ObjectNode) codec.mapper().valueToTree(envelopeFor(EventExamples.all().get(0)));
        ((ObjectNode) tree.get("data")).put("addedLater", "x");
        assertThat(codec.decode(codec.parse(tree.toString()))).isEqualTo(EventExamples.all().get(0));
    }

    @Test
    void upcasterTurnsAStoredOldVersionIntoTheCurrentOne() {
        ObjectNode v0 = (ObjectNode) codec.mapper().valueToTree(envelopeFor(EventExamples.all().get(0)));
        v0.put("type", "de.auseinerhand.registry.case-opened.v0");
        ((ObjectNode) v0.get("data")).put("ags", "05958032").remove("municipality");
        codec.register(new Upcaster() {
            public String fromType() { return "de.auseinerhand.registry.case-opened.v0"; }
            public String toType() { return "de.auseinerhand.registry.case-opened.v1"; }
            public String toSchema() { return "urn:aeh:schema:registry.case-opened:1"; }
            public com.fasterxml.jackson.databind.JsonNode upcast(com.fasterxml.jackson.databind.JsonNode old) {
                ObjectNode n = ((ObjectNode) old).deepCopy();
                n.set("municipality", n.remove("ags"));
                return n;
            }
        });
        assertThat(codec.decode(codec.parse(v0.toString()))).isEqualTo(EventExamples.all().get(0));
    }
}
