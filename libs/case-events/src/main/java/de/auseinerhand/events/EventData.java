package de.auseinerhand.events;

/**
 * Marker for the business payload ({@code data}) of a case event. Every implementation is a record
 * annotated with {@link CaseEventType}; the annotation, not the class name, is the stable contract.
 */
public interface EventData {
}
