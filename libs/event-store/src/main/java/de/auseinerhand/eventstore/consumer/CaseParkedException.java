package de.auseinerhand.eventstore.consumer;

/** The case has an earlier event that could not be applied; this one must not overtake it. */
public class CaseParkedException extends RuntimeException {
    public CaseParkedException(String caseId) {
        super("case " + caseId + " is parked after an earlier event failed; applying this one would break the order");
    }
}
