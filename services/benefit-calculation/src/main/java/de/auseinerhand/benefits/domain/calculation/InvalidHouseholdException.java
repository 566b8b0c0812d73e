package de.auseinerhand.benefits.domain.calculation;

import java.util.List;

/** The household cannot be calculated; each problem names the input field (JSON path) and the rule. */
public class InvalidHouseholdException extends RuntimeException {

    public record Problem(String field, String message) {
    }

    private final List<Problem> problems;

    public InvalidHouseholdException(List<Problem> problems) {
        super(problems.get(0).field() + ": " + problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
