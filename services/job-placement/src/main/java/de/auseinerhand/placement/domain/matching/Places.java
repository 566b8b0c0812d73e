package de.auseinerhand.placement.domain.matching;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The places that matching knows, with their distances computed once. */
public final class Places {

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
}
