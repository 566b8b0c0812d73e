package de.auseinerhand.servicekit.problem;

import java.util.ArrayList;
import java.util.List;

/** A request failed validation; answered as 400 problem+json listing every invalid field. */
public class ValidationFailedException extends RuntimeException {
    private final List<FieldError> errors;

    public ValidationFailedException(List<FieldError> errors) {
        super(errors.isEmpty() ? "invalid request" : errors.get(0).field() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public static ValidationFailedException of(String field, String message) {
        return new ValidationFailedException(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Collects field errors of one request and throws them together. */
    public static final class Collector {
        private final List<FieldError> errors = new ArrayList<>();

        public Collector require(boolean ok, String field, String message) {
            if (!ok) {
                errors.add(new FieldError(field, message));
            }
            return this;
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new ValidationFailedException(errors);
            }
        }
    }
}
