package de.auseinerhand.events.benefits;

/** What a written decision (Bescheid) decides. */
public enum NoticeKind {
    /** Approval for a period (§ 41(3) SGB II), final from the start. */
    DECISION,
    /** Provisional approval (§ 41a(1) SGB II). */
    PROVISIONAL_DECISION,
    /** Final decision after a provisional one, with the settlement of the period (§ 41a(3), (6) SGB II). */
    FINAL_DECISION,
    /** Change of a decision (§§ 44, 48 SGB X). */
    AMENDMENT,
    /** Cancellation of a decision (§§ 45, 48 SGB X). */
    TERMINATION,
    /** Reduction for a breach of duty (§§ 31, 31a, 32 SGB II). */
    REDUCTION
}
