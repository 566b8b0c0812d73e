package de.auseinerhand.events;

/** The stable names of one event type and its record class. */
public record EventTypeInfo(String domain, String name, int version, Class<? extends EventData> javaType) {

    public static EventTypeInfo of(Class<? extends EventData> c) {
        CaseEventType t = c.getAnnotation(CaseEventType.class);
        if (t == null) {
            throw new IllegalArgumentException(c.getName() + " lacks @CaseEventType");
        }
        return new EventTypeInfo(t.domain(), t.name(), t.version(), c);
    }

    /** CloudEvents {@code type}, e.g. {@code de.auseinerhand.registry.case-opened.v1}. */
    public String type() {
        return "de.auseinerhand." + domain + "." + name + ".v" + version;
    }

    /** CloudEvents {@code dataschema}, e.g. {@code urn:aeh:schema:registry.case-opened:1}. */
    public String dataschema() {
        return "urn:aeh:schema:" + domain + "." + name + ":" + version;
    }

    /** Class-path resource of the JSON Schema of {@code data}. */
    public String schemaResource() {
        return "schemas/" + domain + "." + name + ".v" + version + ".schema.json";
    }

    /** The CloudEvents {@code source} of the writing service. */
    public String source() {
        return switch (domain) {
            case "registry" -> "/client-registry";
            case "benefits" -> "/benefit-calculation";
            case "placement" -> "/job-placement";
            default -> "/" + domain;
        };
    }
}
