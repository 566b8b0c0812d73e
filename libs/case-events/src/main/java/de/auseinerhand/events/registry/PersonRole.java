package de.auseinerhand.events.registry;

/** Role of a member in the case. */
public enum PersonRole {
    HEAD, PARTNER, CHILD, OTHER
}
