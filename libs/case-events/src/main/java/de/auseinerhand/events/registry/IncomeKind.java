package de.auseinerhand.events.registry;

/** Kinds of income (§ 11 SGB II). */
public enum IncomeKind {
    EMPLOYMENT, SELF_EMPLOYMENT, MAINTENANCE, CHILD_BENEFIT, UVG, PENSION, PARENTAL_ALLOWANCE, TRAINING_ALLOWANCE, OTHER
}
