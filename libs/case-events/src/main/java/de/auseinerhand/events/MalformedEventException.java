package de.auseinerhand.events;

/** A record on the log that is not a valid case event (not JSON, missing attribute, unknown type, bad data). */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
