package de.auseinerhand.migration.format;

/** Why a household is rejected: the field (a JSON path in the line, e.g. {@code members[1].birthDate}) and the reason. */
public record Problem(String field, String reason) {
}
