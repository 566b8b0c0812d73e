package de.auseinerhand.events.placement;

/** Breaches of duty that can lead to a benefit reduction (§ 31(1) SGB II; § 32 for missed appointments). */
public enum BreachKind {
    REFUSED_REASONABLE_OFFER, BROKE_OFF_MEASURE, INSUFFICIENT_OWN_EFFORTS, MISSED_APPOINTMENT
}
