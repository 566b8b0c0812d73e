package de.auseinerhand.eventstore;

/**
 * A domain rule refused a command. {@code field} names the request field the rule is about (or is
 * null for a rule about the whole aggregate); {@code code} is a stable machine-readable reason.
 */
public class CommandRejected extends RuntimeException {
    private final String code;
    private final String field;

    public CommandRejected(String code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
