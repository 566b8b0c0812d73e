package de.auseinerhand.servicekit.problem;

/** Carries a ready problem detail to the client, e.g. 428 when a required If-Match is missing. */
public class ProblemException extends RuntimeException {
    private final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound() {
        return new ProblemException(Problem.of(ProblemTypes.NOT_FOUND, "Not Found", 404, "no such resource"));
    }
}
