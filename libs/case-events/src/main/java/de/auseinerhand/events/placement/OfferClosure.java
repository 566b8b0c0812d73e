package de.auseinerhand.events.placement;

/** Why a job offer closed. */
public enum OfferClosure {
    FILLED, WITHDRAWN, EXPIRED
}
