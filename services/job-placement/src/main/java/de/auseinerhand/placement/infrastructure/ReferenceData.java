package de.auseinerhand.placement.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.auseinerhand.events.placement.MeasureCategory;
import de.auseinerhand.matching.Places;
import de.auseinerhand.placement.domain.client.MeasureType;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Placement reference data as data, not code: the measure catalogue ({@code reference/measures.json})
 * and the coordinates of the district's places ({@code reference/places.json}). Another agency points
 * {@code aeh.reference.measures-file} / {@code aeh.reference.places-file} at its own files.
 */
@ApplicationScoped
public class ReferenceData {

    private final Map<String, MeasureType> measures;
    private final String catalogueVersion;
    private final Places places;

    public ReferenceData(@ConfigProperty(name = "aeh.reference.measures-file") Optional<String> measuresFile,
            @ConfigProperty(name = "aeh.reference.places-file") Optional<String> placesFile) {
        JsonNode m = read(measuresFile, "reference/measures.json");
        this.catalogueVersion = m.path("version").asText();
        this.measures = measures(m);
        this.places = Places.load(placesFile);
    }

    /** The defaults from the class path (for tests and benchmarks). */
    public static ReferenceData defaults() {
        return new ReferenceData(Optional.empty(), Optional.empty());
    }

    public Optional<MeasureType> measure(String id) {
        return Optional.ofNullable(id == null ? null : measures.get(id));
    }

    public List<MeasureType> measures() {
        return new ArrayList<>(measures.values());
    }

    public String catalogueVersion() {
        return catalogueVersion;
    }

    public Places places() {
        return places;
    }

    private static JsonNode read(Optional<String> file, String resource) {
        try (InputStream in = file.isPresent() ? Files.newInputStream(Path.of(file.get()))
                : ReferenceData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing reference data " + resource);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference data " + file.orElse(resource), e);
        }
    }

    private static Map<String, MeasureType> measures(JsonNode root) {
        Map<String, MeasureType> out = new LinkedHashMap<>();
        for (JsonNode n : root.path("measures")) {
            JsonNode limit = n.get("limit");
            out.put(n.get("id").asText(), new MeasureType(n.get("id").asText(), n.get("name").asText(),
                    n.get("legalBasis").asText(), MeasureCategory.valueOf(n.get("category").asText()),
                    n.has("maxDurationMonths") ? n.get("maxDurationMonths").asInt() : null,
                    n.path("requiresPlannedEnd").asBoolean(false),
                    limit == null ? null : new MeasureType.Limit(limit.get("maxMonths").asInt(), limit.get("withinYears").asInt())));
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("the measure catalogue is empty");
        }
        return out;
    }
}
