package de.auseinerhand.servicekit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import de.auseinerhand.eventstore.CommandRejected;
import de.auseinerhand.eventstore.ConcurrencyConflictException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into {@code application/problem+json}: field-level details for validation and
 * JSON errors, 409/412 for concurrent modification, 422 for refused commands, and a 500 without any
 * internals for the rest.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response validationFailed(ValidationFailedException e) {
        return validation(e.errors());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return validation(errors);
    }

    @ServerExceptionMapper
    public Response unrecognizedProperty(UnrecognizedPropertyException e) {
        return validation(List.of(new FieldError(pathOf(e), "unknown field")));
    }

    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class, io.quarkus.security.AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return Response.status(401).type(Problem.MEDIA).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(Problem.of(ProblemTypes.UNAUTHORIZED, "Unauthorized", 401, "a valid bearer token of this realm is required")).build();
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return Problem.of(ProblemTypes.FORBIDDEN, "Forbidden", 403, "the token's roles do not allow this operation").toResponse();
    }

    @ServerExceptionMapper
    public Response rejectedValue(de.auseinerhand.servicekit.json.RejectedValueException e) {
        String field = pathOf(e);
        return validation(List.of(new FieldError(field.isEmpty() ? "body" : field, e.getOriginalMessage())));
    }

    @ServerExceptionMapper
    public Response nullElement(com.fasterxml.jackson.databind.exc.InvalidNullException e) {
        String field = pathOf(e);
        return validation(List.of(new FieldError(field.isEmpty() ? "body" : field, "must not be null")));
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        return validation(List.of(new FieldError(pathOf(e), "must be " + expected)));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        String field = pathOf(e);
        if (field.isEmpty()) {
            return new Problem(ProblemTypes.MALFORMED_JSON, "Malformed JSON", 400,
                    "the request body is not the expected JSON object", null, null, null).toResponse();
        }
        String expected = e.getTargetType() == null ? "of another type" : describe(e.getTargetType());
        return validation(List.of(new FieldError(field, "must be " + expected)));
    }

    @ServerExceptionMapper
    public Response jsonProcessing(JsonProcessingException e) {
        // the same exceptions may reach here wrapped in a WebApplicationException by the JSON reader
        if (e instanceof de.auseinerhand.servicekit.json.RejectedValueException r) {
            return rejectedValue(r);
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidNullException n) {
            return nullElement(n);
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return unrecognizedProperty(u);
        }
        if (e instanceof InvalidFormatException f) {
            return invalidFormat(f);
        }
        if (e instanceof MismatchedInputException m) {
            return mismatchedInput(m);
        }
        if (e instanceof JsonMappingException m && !pathOf(m).isEmpty()) {
            return validation(List.of(new FieldError(pathOf(m), "invalid value")));
        }
        return new Problem(ProblemTypes.MALFORMED_JSON, "Malformed JSON", 400,
                "the request body is not valid JSON", null, null, null).toResponse();
    }

    @ServerExceptionMapper
    public Response concurrency(ConcurrencyConflictException e, HttpHeaders headers) {
        boolean conditional = headers.getHeaderString(HttpHeaders.IF_MATCH) != null;
        int status = conditional ? 412 : 409;
        return Response.status(status).type(Problem.MEDIA)
                .header(HttpHeaders.ETAG, "\"" + e.actualVersion() + "\"")
                .entity(new Problem(conditional ? ProblemTypes.PRECONDITION_FAILED : ProblemTypes.CONFLICT,
                        conditional ? "Precondition failed" : "Concurrent modification", status,
                        "the resource was changed meanwhile (now at version " + e.actualVersion()
                                + "); read it again and retry", null, null, null))
                .build();
    }

    @ServerExceptionMapper
    public Response rejected(CommandRejected e) {
        List<FieldError> errors = e.field() == null ? null : List.of(new FieldError(e.field(), e.getMessage()));
        return new Problem(ProblemTypes.RULE_VIOLATION, "Rule violated", 422, e.getMessage(), null, e.code(), errors)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response r = e.getResponse();
        int status = r.getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException jpe) {
            return jsonProcessing(jpe);
        }
        String type = switch (status) {
            case 404 -> ProblemTypes.NOT_FOUND;
            case 401 -> ProblemTypes.UNAUTHORIZED;
            case 403 -> ProblemTypes.FORBIDDEN;
            default -> ProblemTypes.HTTP;
        };
        String title = r.getStatusInfo().getReasonPhrase();
        String detail = status == 404 ? "no such resource" : (status >= 500 ? null : e.getMessage());
        Response.ResponseBuilder b = Response.status(status).type(Problem.MEDIA)
                .entity(new Problem(type, title, status, detail, null, null, null));
        r.getHeaders().forEach((k, v) -> {
            if (!k.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !k.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                v.forEach(x -> b.header(k, x));
            }
        });
        return b.build();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (isOverload(e)) {
            LOG.warnf("overloaded: %s", e.getMessage());
            return Response.status(503).type(Problem.MEDIA).header("Retry-After", "1")
                    .entity(Problem.of(ProblemTypes.UNAVAILABLE, "Service unavailable", 503,
                            "the service is at capacity; nothing was changed, retry shortly"))
                    .build();
        }
        if (de.auseinerhand.eventstore.TransientFailure.isTransient(e)) {
            LOG.warnf("database unavailable: %s", e.getMessage());
            return Response.status(503).type(Problem.MEDIA).header("Retry-After", "1")
                    .entity(Problem.of(ProblemTypes.UNAVAILABLE, "Service unavailable", 503,
                            "the database is briefly unavailable; retry shortly with the same If-Match or Idempotency-Key "
                                    + "(a change that did go through is not applied twice)"))
                    .build();
        }
        LOG.error("unexpected failure", e);
        return Problem.of(ProblemTypes.INTERNAL, "Internal error", 500,
                "the request could not be completed; nothing was changed").toResponse();
    }

    /** No database connection could be had in time: the service is at capacity, not broken. */
    private static boolean isOverload(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException && t.getMessage() != null
                    && t.getMessage().contains("acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    private static Response validation(List<FieldError> errors) {
        String detail = errors.isEmpty() ? "invalid request"
                : errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new Problem(ProblemTypes.VALIDATION, "Validation failed", 400, detail, null, null, errors).toResponse();
    }

    /**
     * The JSON path of a violation: for a constraint inside the request body the properties below the
     * parameter ({@code persons[0].birthDate}); for a constraint on a parameter itself its name
     * (a query or header parameter), or {@code body} for the request body.
     */
    private static String fieldOf(ConstraintViolation<?> v) {
        java.util.List<Path.Node> nodes = new java.util.ArrayList<>();
        v.getPropertyPath().forEach(nodes::add);
        int param = -1;
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).getKind() == ElementKind.PARAMETER) {
                param = i;
            }
        }
        if (param >= 0 && param == nodes.size() - 1) {
            String name = nodes.get(param).getName();
            return name == null || name.equals("request") || name.equals("r") || name.equals("body")
                    || name.startsWith("arg") ? "body" : name;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = param + 1; i < nodes.size(); i++) {
            Path.Node n = nodes.get(i);
            if (n.getKind() == ElementKind.METHOD || n.getKind() == ElementKind.CONSTRUCTOR
                    || n.getKind() == ElementKind.CROSS_PARAMETER || n.getKind() == ElementKind.RETURN_VALUE
                    || n.getName() == null) {
                continue;
            }
            if (n.getIndex() != null && sb.length() > 0) {
                sb.append('[').append(n.getIndex()).append(']');
            }
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(n.getName());
        }
        return sb.length() == 0 ? "body" : sb.toString();
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String describe(Class<?> t) {
        if (t == java.time.LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (t == java.time.YearMonth.class) {
            return "a month (YYYY-MM)";
        }
        if (t == java.math.BigDecimal.class) {
            return "a decimal number";
        }
        if (t == java.util.UUID.class) {
            return "a UUID";
        }
        if (t.isEnum()) {
            return "one of " + java.util.Arrays.toString(t.getEnumConstants());
        }
        if (t == boolean.class || t == Boolean.class) {
            return "true or false";
        }
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            return "an integer";
        }
        if (t == String.class) {
            return "a string";
        }
        return "a " + t.getSimpleName();
    }
}
