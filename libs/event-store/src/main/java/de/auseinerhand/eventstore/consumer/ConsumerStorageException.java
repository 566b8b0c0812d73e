package de.auseinerhand.eventstore.consumer;

import java.sql.SQLException;

/** A consumer's own tables could not be read or written. */
public class ConsumerStorageException extends RuntimeException {
    public ConsumerStorageException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
