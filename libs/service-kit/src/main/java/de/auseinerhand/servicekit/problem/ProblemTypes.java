package de.auseinerhand.servicekit.problem;

/** Stable problem type URIs; clients may switch on them. Documented in docs/api-conventions.md. */
public final class ProblemTypes {
    private static final String BASE = "urn:aus-einer-hand:problem:";
    public static final String VALIDATION = BASE + "validation-failed";
    public static final String MALFORMED_JSON = BASE + "malformed-json";
    public static final String NOT_FOUND = BASE + "not-found";
    public static final String CONFLICT = BASE + "concurrent-modification";
    public static final String PRECONDITION_FAILED = BASE + "precondition-failed";
    public static final String PRECONDITION_REQUIRED = BASE + "precondition-required";
    public static final String RULE_VIOLATION = BASE + "rule-violation";
    public static final String IDEMPOTENCY_MISMATCH = BASE + "idempotency-key-reused";
    public static final String UNAUTHORIZED = BASE + "unauthorized";
    public static final String FORBIDDEN = BASE + "forbidden";
    public static final String HTTP = BASE + "http-error";
    public static final String TOO_LARGE = BASE + "request-too-large";
    public static final String UNAVAILABLE = BASE + "service-unavailable";
    public static final String INTERNAL = BASE + "internal-error";
    public static final String GONE = BASE + "gone";

    private ProblemTypes() {
    }
}
