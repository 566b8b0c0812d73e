package de.auseinerhand.events.registry;

/** Sex as recorded for official statistics. */
public enum Sex {
    FEMALE, MALE, DIVERSE, UNSPECIFIED
}
