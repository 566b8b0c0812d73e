package de.auseinerhand.servicekit.rest;

import de.auseinerhand.servicekit.problem.FieldError;
import de.auseinerhand.servicekit.problem.Problem;
import de.auseinerhand.servicekit.problem.ProblemException;
import de.auseinerhand.servicekit.problem.ProblemTypes;
import java.util.List;

/** {@code ETag}/{@code If-Match} carry the stream version of an aggregate as a strong entity tag. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The expected version from {@code If-Match}, or null when absent. */
    public static Long parseIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String v = ifMatch.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2) {
            v = v.substring(1, v.length() - 1);
        }
        try {
            long version = Long.parseLong(v);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw new ProblemException(new Problem(ProblemTypes.VALIDATION, "Validation failed", 400,
                    "If-Match must be an entity tag from this API, e.g. \"3\"", null, null,
                    List.of(new FieldError("If-Match", "must be an entity tag from this API, e.g. \"3\""))));
        }
    }

    /** Like {@link #parseIfMatch} but answers 428 when the header is missing. */
    public static long requireIfMatch(String ifMatch) {
        Long v = parseIfMatch(ifMatch);
        if (v == null) {
            throw new ProblemException(Problem.of(ProblemTypes.PRECONDITION_REQUIRED, "Precondition required", 428,
                    "this update needs If-Match with the ETag of the resource you read"));
        }
        return v;
    }
}
