package de.auseinerhand.servicekit.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * The district and its municipalities as reference data. The default is the Hochsauerlandkreis
 * (class-path {@code reference/municipalities.json}); another district points
 * {@code aeh.reference.municipalities-file} at its own file of the same shape.
 */
@ApplicationScoped
public class District {

    private final String ags;
    private final String name;
    private final Map<String, Municipality> municipalities = new LinkedHashMap<>();

    public District(@ConfigProperty(name = "aeh.reference.municipalities-file") Optional<String> file) {
        JsonNode root;
        try (InputStream in = file.isPresent() ? Files.newInputStream(Path.of(file.get()))
                : District.class.getClassLoader().getResourceAsStream("reference/municipalities.json")) {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read municipality reference data", e);
        }
        this.ags = root.path("district").path("ags").asText();
        this.name = root.path("district").path("name").asText();
        for (JsonNode m : root.path("municipalities")) {
            municipalities.put(m.get("ags").asText(), new Municipality(m.get("ags").asText(), m.get("name").asText()));
        }
        if (municipalities.isEmpty()) {
            throw new IllegalStateException("reference data lists no municipality");
        }
    }

    public String ags() {
        return ags;
    }

    public String name() {
        return name;
    }

    public boolean contains(String municipalityAgs) {
        return municipalityAgs != null && municipalities.containsKey(municipalityAgs);
    }

    public Optional<Municipality> find(String municipalityAgs) {
        return Optional.ofNullable(municipalityAgs == null ? null : municipalities.get(municipalityAgs));
    }

    public List<Municipality> municipalities() {
        return new ArrayList<>(municipalities.values());
    }
}
