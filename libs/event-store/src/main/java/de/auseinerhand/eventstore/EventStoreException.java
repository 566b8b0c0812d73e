package de.auseinerhand.eventstore;

/** The event store could not read or write (database unreachable, SQL error). */
public class EventStoreException extends RuntimeException {
    public EventStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
