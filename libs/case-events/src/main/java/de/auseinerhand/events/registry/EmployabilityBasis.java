package de.auseinerhand.events.registry;

/** On what a change of employability rests. */
public enum EmployabilityBasis {
    /** The case worker's assessment (§ 8 SGB II). */
    CASEWORKER_ASSESSMENT,
    /** A finding of the medical service or another agency (§ 44a SGB II). */
    MEDICAL_FINDING,
    /** A decision of the pension insurance on reduced earning capacity (§ 44a(1) S. 2 SGB II). */
    PENSION_INSURANCE_DECISION
}
