package de.auseinerhand.events.placement;

/** What became of a placement proposal. */
public enum PlacementOutcome {
    APPLIED, INTERVIEW, HIRED, REJECTED_BY_EMPLOYER, DECLINED_BY_CLIENT
}
