package de.auseinerhand.servicekit.problem;

/** One invalid field of a request: its JSON path (e.g. {@code persons[0].birthDate}) and what is wrong. */
public record FieldError(String field, String message) {
}
