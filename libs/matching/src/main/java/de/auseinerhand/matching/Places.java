package de.auseinerhand.matching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The places that matching knows, with their distances computed once. The district's places come from
 * {@code reference/places.json} on the class path; another agency names its own file (same format).
 */
public final class Places {

    public static final String DEFAULT_RESOURCE = "reference/places.json";

    private final Map<String, Place> byAgs = new HashMap<>();
    private final Map<String, Map<String, Integer>> km = new HashMap<>();

    public Places(List<Place> places) {
        for (Place p : places) {
            byAgs.put(p.ags(), p);
        }
        for (Place a : places) {
            Map<String, Integer> row = new HashMap<>();
            for (Place b : places) {
                row.put(b.ags(), a.kmTo(b));
            }
            km.put(a.ags(), row);
        }
    }

    /** Every place, in no particular order. */
    public java.util.Collection<Place> all() {
        return java.util.Collections.unmodifiableCollection(byAgs.values());
    }

    public Optional<Place> find(String ags) {
        return Optional.ofNullable(ags == null ? null : byAgs.get(ags));
    }

    /** Distance in km, or -1 when a place is unknown. */
    public int km(String fromAgs, String toAgs) {
        Map<String, Integer> row = km.get(fromAgs);
        Integer d = row == null ? null : row.get(toAgs);
        return d == null ? -1 : d;
    }

    public String name(String ags) {
        Place p = byAgs.get(ags);
        return p == null ? ags : p.name();
    }

    /** The places of a file in the format of {@value #DEFAULT_RESOURCE}, or the default ones when no file is given. */
    public static Places load(Optional<String> file) {
        try (InputStream in = file.isPresent() ? Files.newInputStream(Path.of(file.get()))
                : Places.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing reference data " + DEFAULT_RESOURCE);
            }
            List<Place> list = new ArrayList<>();
            for (JsonNode n : new ObjectMapper().readTree(in).path("places")) {
                list.add(new Place(n.get("ags").asText(), n.get("name").asText(), n.get("latitude").asDouble(),
                        n.get("longitude").asDouble()));
            }
            if (list.isEmpty()) {
                throw new IllegalStateException("no places in " + file.orElse(DEFAULT_RESOURCE));
            }
            return new Places(list);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read places " + file.orElse(DEFAULT_RESOURCE), e);
        }
    }
}
