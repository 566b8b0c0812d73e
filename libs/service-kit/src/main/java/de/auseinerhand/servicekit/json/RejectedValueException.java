package de.auseinerhand.servicekit.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A JSON value of the right type that this service refuses anyway (too long, a NUL character, a number or date out of
 * every sensible range); answered 400 with the field's path and the reason ({@code ProblemMappers}).
 */
public class RejectedValueException extends JsonMappingException {
    private static final long serialVersionUID = 1L;

    public RejectedValueException(JsonParser parser, String reason) {
        super(parser, reason);
    }
}
