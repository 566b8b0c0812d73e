package de.auseinerhand.eventstore.consumer;

/** Thrown to the messaging connector so that the record goes to the dead-letter topic; the message is the reason. */
public class DeadLetterException extends RuntimeException {
    public DeadLetterException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
