package de.auseinerhand.matching;

import java.util.List;

/**
 * The score of one client–offer pair (0–100 points) with each factor's points and reason.
 * {@code distanceKm} is -1 when a place is unknown.
 */
public record Match(int score, int distanceKm, boolean withinRadius, List<Factor> factors) {

    /** One factor of the score: points of at most {@code max}, and why. */
    public record Factor(String name, int points, int max, String reason) {
    }
}
