package de.auseinerhand.events.placement;

/** Kinds of taking up work. */
public enum IntegrationKind {
    EMPLOYMENT_SV, APPRENTICESHIP, SELF_EMPLOYMENT, MINIJOB, SUBSIDISED
}
