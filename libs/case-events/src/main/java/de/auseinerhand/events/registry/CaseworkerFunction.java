package de.auseinerhand.events.registry;

/** The three functions "aus einer Hand". */
public enum CaseworkerFunction {
    BENEFITS, PLACEMENT, CASE_MANAGEMENT
}
