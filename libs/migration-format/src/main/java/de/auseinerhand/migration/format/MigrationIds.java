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

    /**
     * Whether a member of the file was employable (§ 8 SGB II) on {@code day}, as the services judge it (the registry
     * view's rule): only within working age (15 to the retirement age of § 7a); a recorded change of employability from
     * that day on decides; otherwise the flag at joining, and a member registered before working age counts as
     * employable from the 15th birthday's month on.
     */
    public static boolean employableOn(JsonNode member, LocalDate day) {
        java.time.YearMonth born = java.time.YearMonth.from(LocalDate.parse(member.get("birthDate").asText()));
        if (!de.auseinerhand.events.registry.WorkingAge.in(born, java.time.YearMonth.from(day))) {
            return false;
        }
        Boolean recorded = null;
        for (JsonNode e : member.path("employability")) {
            if (!LocalDate.parse(e.get("from").asText()).isAfter(day)) {
                recorded = e.path("employable").asBoolean(false);
            }
        }
        if (recorded != null) {
            return recorded;
        }
        java.time.YearMonth joined = java.time.YearMonth.from(LocalDate.parse(member.get("joinedOn").asText()));
        return member.path("employable").asBoolean(false) || joined.isBefore(de.auseinerhand.events.registry.WorkingAge.firstMonth(born));
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
