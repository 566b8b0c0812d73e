package de.auseinerhand.events.placement;

/**
 * How a cooperation plan came about (§ 15 SGB II): agreed with the person, or, from 2026-07-01 (13th amending act,
 * "Neue Grundsicherung"), set by administrative act when no agreement is reached (the § 15a dispute procedure is gone).
 */
public enum CooperationPlanForm {
    AGREEMENT, ADMINISTRATIVE_ACT
}
