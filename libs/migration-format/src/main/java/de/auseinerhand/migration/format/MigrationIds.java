package de.auseinerhand.migration.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The ids a migrated household's members, decisions and measures get in every service: name-based on the household's and
 * the old system's ids, so every run and every service computes the same ones without asking another service.
 */
public final class MigrationIds {
    private MigrationIds() {
    }

    public static UUID person(String householdId, String legacyPersonId) {
        return of("person", householdId, legacyPersonId);
    }

    public static UUID decision(String householdId, String legacyDecisionId) {
        return of("decision", householdId, legacyDecisionId);
    }

    public static UUID measure(String householdId, String legacyMeasureId) {
        return of("measure", householdId, legacyMeasureId);
    }

    private static UUID of(String kind, String householdId, String legacyId) {
        return UUID.nameUUIDFromBytes(("aeh-migration/" + kind + "/" + householdId + "/" + legacyId).getBytes(StandardCharsets.UTF_8));
    }

    /** The municipality handling the household's case on {@code day}: the opening one, then each move from its day on. */
    public static String municipalityOn(JsonNode household, LocalDate day) {
        String municipality = household.get("municipality").asText();
        for (JsonNode move : household.path("moves")) {
            if (!LocalDate.parse(move.get("on").asText()).isAfter(day)) {
                municipality = move.get("to").asText();
            }
        }
        return municipality;
    }
}
